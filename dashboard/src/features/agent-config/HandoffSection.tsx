import { Card, NumberInput, SimpleGrid, Switch, Title } from '@mantine/core'
import { useI18n } from '../../lib/i18n'
import { SettingField, type FieldContext } from './SettingField'
import type { Draft } from './useConfigDraft'

/** How conversations the AI hands over reach people: automatic offers, and how many each agent gets. */
export function HandoffSection({ draft, context }: { draft: Draft; context: FieldContext }) {
  const { t } = useI18n()
  const capacity = draft.value('workspace.agentCapacity')
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">{t('config.handoff.title')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SettingField settingKey="workspace.autoAssign" label={t('config.handoff.autoAssign')} context={context}>
          <Switch aria-label={t('config.handoff.autoAssign')} checked={draft.value('workspace.autoAssign') === true} disabled={context.readOnly}
            onChange={(e) => draft.set('workspace.autoAssign', e.currentTarget.checked)} />
        </SettingField>
        <SettingField settingKey="workspace.agentCapacity" label={t('config.handoff.capacity')} context={context}>
          <NumberInput aria-label={t('config.handoff.capacity')} min={1} max={50} allowDecimal={false} disabled={context.readOnly}
            value={typeof capacity === 'number' ? capacity : ''}
            onChange={(v) => draft.set('workspace.agentCapacity', typeof v === 'number' ? v : null)} />
        </SettingField>
      </SimpleGrid>
    </Card>
  )
}
