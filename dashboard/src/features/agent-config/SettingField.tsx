import { Button, Group, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useI18n } from '../../lib/i18n'
import type { Setting } from './api'
import { SourceBadge } from './SourceBadge'

export type FieldContext = {
  setting: (key: string) => Setting | undefined
  people: Map<string, string> | undefined
  dirty: string[]
  error: (key: string) => string | undefined
  readOnly: boolean
  onReset: (key: string) => void
}

type Props = { settingKey: string; label: string; context: FieldContext; children: ReactNode }

/**
 * One setting: its input, where its value comes from, a way back to the directory's value when it is
 * overridden, and the server's validation message for it.
 */
export function SettingField({ settingKey, label, context, children }: Props) {
  const { t } = useI18n()
  const setting = context.setting(settingKey)
  const error = context.error(settingKey)
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>{label}</Text>
        <Group gap="xs">
          <SourceBadge setting={setting} people={context.people} dirty={context.dirty.includes(settingKey)} />
          {setting?.source === 'override' && !context.readOnly && (
            <Button size="compact-xs" variant="subtle" onClick={() => context.onReset(settingKey)}>{t('config.useDirectory')}</Button>
          )}
        </Group>
      </Group>
      {children}
      {error && <Text size="xs" c="red" role="alert" data-testid={`error-${settingKey}`}>{error}</Text>}
    </Stack>
  )
}
