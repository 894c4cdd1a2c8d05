import { Badge, Tooltip } from '@mantine/core'
import { formatDateTime } from '../../lib/format'
import { useI18n } from '../../lib/i18n'
import type { Setting } from './api'

/** Where a value comes from: the tenant directory, or a dashboard override (which version, who, when). */
export function SourceBadge({ setting, people, dirty }: { setting: Setting | undefined; people: Map<string, string> | undefined; dirty: boolean }) {
  const { t, language } = useI18n()
  if (dirty) return <Badge size="xs" color="yellow" variant="light">{t('config.source.unsaved')}</Badge>
  if (!setting) return null
  if (setting.source === 'directory') {
    return (
      <Tooltip label={t('config.source.directoryHint')}>
        <Badge size="xs" color="gray" variant="light" data-testid={`source-${setting.key}`}>{t('config.source.directory')}</Badge>
      </Tooltip>
    )
  }
  const who = setting.changedBy ? people?.get(setting.changedBy) ?? t('config.someone') : t('config.someone')
  return (
    <Tooltip label={t('config.source.overrideHint', { who, when: formatDateTime(setting.changedAt, language) })}>
      <Badge size="xs" color="blue" variant="light" data-testid={`source-${setting.key}`}>
        {t('config.source.override', { version: setting.version ?? '' })}
      </Badge>
    </Tooltip>
  )
}
