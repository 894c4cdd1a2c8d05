import { describe, expect, it } from 'vitest'
import { chooseLanguage, texts } from './i18n'

describe('language', () => {
  it('prefers data-lang, then the page lang, then the tenant first language, among those served', () => {
    expect(chooseLanguage('en', 'es', ['es', 'en'])).toBe('en')
    expect(chooseLanguage(null, 'es-MX', ['en', 'es'])).toBe('es')
    expect(chooseLanguage(null, 'fr', ['es', 'en'])).toBe('es')
    expect(chooseLanguage('es', 'es', ['en'])).toBe('en')
    expect(chooseLanguage(null, '', [])).toBe('en')
  })

  it('has every text in both languages', () => {
    expect(Object.keys(texts.es).sort()).toEqual(Object.keys(texts.en).sort())
  })
})
