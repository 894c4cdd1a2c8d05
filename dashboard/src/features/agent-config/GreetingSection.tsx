import { Card, Stack, Textarea, Title } from '@mantine/core'
import { useI18n } from '../../lib/i18n'
import type { Json } from './api'
import { SettingField, type FieldContext } from './SettingField'
import type { Draft } from './useConfigDraft'

/** The first thing the agent says, in each of the tenant's languages. */
export function GreetingSection({ draft, context, languages }: { draft: Draft; context: FieldContext; languages: string[] }) {
  const { t } = useI18n()
  const greeting = (draft.value('agent.greeting') ?? {}) as Record<string, Json>
  const change = (language: string, text: string) => {
    const next: Record<string, Json> = { ...greeting }
    if (text) next[language] = text
    else delete next[language]
    draft.set('agent.greeting', next)
  }
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">{t('config.greeting.title')}</Title>
      <SettingField settingKey="agent.greeting" label={t('config.greeting.label')} context={context}>
        <Stack gap="sm">
          {languages.map((language) => (
            <Textarea key={language} label={t('config.greeting.in', { language: t(`language.${language}`) })} autosize minRows={2} maxRows={6}
              maxLength={2000} value={typeof greeting[language] === 'string' ? (greeting[language] as string) : ''}
              disabled={context.readOnly} onChange={(e) => change(language, e.currentTarget.value)} />
          ))}
        </Stack>
      </SettingField>
    </Card>
  )
}
