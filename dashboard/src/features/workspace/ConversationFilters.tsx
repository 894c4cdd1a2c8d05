import { Badge, CloseButton, Group, SegmentedControl, Select, Stack, Tabs, TextInput } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useI18n } from '../../lib/i18n'
import type { Counts, Filters } from './types'

type Props = { filters: Filters; counts: Counts | undefined; onChange: (change: Partial<Filters>) => void }

const VIEWS: Filters['view'][] = ['all', 'mine', 'unassigned', 'ai']

/** Active/Inactive, All/Mine/Unassigned/AI (with how many each holds), channel, and the text search. */
export function ConversationFilters({ filters, counts, onChange }: Props) {
  const { t } = useI18n()
  const [query, setQuery] = useState(filters.q)
  const search = useDebouncedCallback((q: string) => onChange({ q }), 300)

  return (
    <Stack gap="xs" p="sm">
      <Group gap="xs" wrap="nowrap">
        <SegmentedControl size="xs" value={filters.status} aria-label={t('workspace.filters.state')}
          onChange={(status) => onChange({ status: status as Filters['status'] })}
          data={[{ value: 'active', label: t('workspace.filters.active') }, { value: 'inactive', label: t('workspace.filters.inactive') }]} />
        <Select size="xs" aria-label={t('workspace.filters.channel')} value={filters.channel} allowDeselect={false} style={{ flex: 1 }}
          onChange={(channel) => onChange({ channel: (channel ?? '') as Filters['channel'] })}
          data={[
            { value: '', label: t('workspace.filters.allChannels') },
            { value: 'webchat', label: t('channel.webchat') },
            { value: 'whatsapp', label: t('channel.whatsapp') },
            { value: 'voice', label: t('channel.voice') },
          ]} />
      </Group>
      <TextInput size="xs" type="search" aria-label={t('workspace.filters.search')} placeholder={t('workspace.filters.searchPlaceholder')}
        leftSection={<IconSearch size={14} aria-hidden />} value={query}
        rightSection={query ? <CloseButton size="xs" aria-label={t('workspace.filters.clearSearch')} onClick={() => { setQuery(''); onChange({ q: '' }) }} /> : null}
        onChange={(e) => {
          setQuery(e.currentTarget.value)
          search(e.currentTarget.value)
        }} />
      <Tabs value={filters.view} onChange={(view) => view && onChange({ view: view as Filters['view'] })} variant="pills">
        <Tabs.List grow aria-label={t('workspace.filters.view')}>
          {VIEWS.map((view) => (
            <Tabs.Tab key={view} value={view} px={6}
              rightSection={filters.status === 'active' && counts ? <Badge size="xs" variant="light" circle={counts[view] < 10}>{counts[view]}</Badge> : null}>
              {t(`workspace.view.${view}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
    </Stack>
  )
}
