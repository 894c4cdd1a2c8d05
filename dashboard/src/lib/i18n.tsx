import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import en from '../locales/en.json'
import es from '../locales/es.json'

export type Language = 'en' | 'es'
const dictionaries: Record<Language, Record<string, string>> = { en, es }
const STORAGE_KEY = 'switchboard.language'

type I18n = { language: Language; setLanguage: (l: Language) => void; t: (key: string, vars?: Record<string, string | number>) => string }

const I18nContext = createContext<I18n | null>(null)

function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY)
  if (stored === 'en' || stored === 'es') return stored
  return navigator.language?.toLowerCase().startsWith('es') ? 'es' : 'en'
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage)
  const setLanguage = useCallback((l: Language) => {
    window.localStorage.setItem(STORAGE_KEY, l)
    document.documentElement.lang = l
    setLanguageState(l)
  }, [])
  const t = useCallback(
    (key: string, vars?: Record<string, string | number>) => {
      let text = dictionaries[language][key] ?? dictionaries.en[key] ?? key
      for (const [name, value] of Object.entries(vars ?? {})) text = text.replaceAll(`{${name}}`, String(value))
      return text
    },
    [language],
  )
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const context = useContext(I18nContext)
  if (!context) throw new Error('useI18n outside I18nProvider')
  return context
}
