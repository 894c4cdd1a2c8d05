import { Alert, Button, Center, Loader, ScrollArea, Stack, Text } from '@mantine/core'
import { useI18n } from '../../lib/i18n'
import { useConversationList, useCounts } from './api'
import { ConversationFilters } from './ConversationFilters'
import { ConversationListItem } from './ConversationListItem'
import type { Filters } from './types'

type Props = {
  slug: string
  me: string | undefined
  filters: Filters
  onFilters: (change: Partial<Filters>) => void
  selected: string | undefined
  linkTo: (id: string) => string
}

export function ConversationList({ slug, me, filters, onFilters, selected, linkTo }: Props) {
  const { t } = useI18n()
  const list = useConversationList(slug, filters)
  const counts = useCounts(slug)
  const items = list.data?.pages.flatMap((p) => p.items) ?? []

  return (
    <>
      <ConversationFilters filters={filters} counts={counts.data} onChange={onFilters} />
      <ScrollArea style={{ flex: 1 }} type="auto">
        <nav aria-label={t('workspace.list.label')}>
          {list.isLoading && <Center p="lg"><Loader size="sm" aria-label={t('common.loading')} /></Center>}
          {list.isError && <Alert color="red" m="sm" role="alert">{t('common.error')}</Alert>}
          {list.isSuccess && items.length === 0 && (
            <Stack p="lg" gap={4} align="center">
              <Text fw={500}>{t('workspace.list.empty')}</Text>
              <Text size="sm" c="dimmed" ta="center">{filters.q ? t('workspace.list.emptySearch') : t(`workspace.list.emptyHint.${filters.view}`)}</Text>
            </Stack>
          )}
          {items.map((c) => (
            <ConversationListItem key={c.id} conversation={c} selected={c.id === selected} to={linkTo(c.id)} me={me} />
          ))}
          {list.hasNextPage && (
            <Center p="sm">
              <Button variant="subtle" size="xs" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
                {t('workspace.list.more')}
              </Button>
            </Center>
          )}
        </nav>
      </ScrollArea>
    </>
  )
}
