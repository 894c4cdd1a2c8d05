import { Card, Text, Textarea, Title } from '@mantine/core'
import { useI18n } from '../../lib/i18n'
import { SettingField, type FieldContext } from './SettingField'
import type { Draft } from './useConfigDraft'

/** The system prompt, edited as plain text. */
export function PromptSection({ draft, context }: { draft: Draft; context: FieldContext }) {
  const { t } = useI18n()
  const prompt = typeof draft.value('agent.systemPrompt') === 'string' ? (draft.value('agent.systemPrompt') as string) : ''
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">{t('config.prompt.title')}</Title>
      <SettingField settingKey="agent.systemPrompt" label={t('config.prompt.label')} context={context}>
        <Textarea aria-label={t('config.prompt.label')} autosize minRows={8} maxRows={24} value={prompt} disabled={context.readOnly}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          onChange={(e) => draft.set('agent.systemPrompt', e.currentTarget.value)} />
        <Text size="xs" c="dimmed" ta="right">{t('config.prompt.count', { count: prompt.length })}</Text>
      </SettingField>
    </Card>
  )
}
