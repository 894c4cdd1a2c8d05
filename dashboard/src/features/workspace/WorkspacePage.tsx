import { Center, Stack, Text, VisuallyHidden } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { IconMessages } from '@tabler/icons-react'
import { useState } from 'react'
import { useParams } from 'react-router'
import { useI18n } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { ConversationList } from './ConversationList'
import { ConversationView } from './ConversationView'
import { contactLabel } from './labels'
import type { Message } from './types'
import { useFilters } from './useFilters'
import { useWorkspaceLive } from './useWorkspaceLive'
import classes from './workspace.module.css'

/** Screen 01: the agent workspace. */
export function WorkspacePage() {
  const { t } = useI18n()
  const { tenant } = useSession()
  if (!tenant) return <Text>{t('home.noTenant')}</Text>
  return <Workspace key={tenant.slug} slug={tenant.slug} tenantName={tenant.name} supervisor={tenant.role !== 'agent'} />
}

function Workspace({ slug, tenantName, supervisor }: { slug: string; tenantName: string; supervisor: boolean }) {
  const { t } = useI18n()
  const { me } = useSession()
  const { conversationId } = useParams()
  const [filters, setFilters] = useFilters()
  const wide = useMediaQuery('(min-width: 1440px)', true) ?? true
  const [announcement, setAnnouncement] = useState('')

  useWorkspaceLive(slug, conversationId, (message: Message) => {
    if (message.role === 'tool') return
    const who = message.role === 'customer' ? t('role.customer') : message.role === 'ai' ? t('role.ai')
      : message.author?.name ?? t(`role.${message.role}`)
    setAnnouncement(t('thread.announce', { who, text: message.text ?? '' }))
  })

  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]).toString()
  const linkTo = (id: string) => `/conversations/${id}${query ? `?${query}` : ''}`

  return (
    <div className={classes.layout} data-panel={wide && conversationId ? '' : undefined}>
      <section className={classes.column} aria-label={t('workspace.list.label')}>
        <ConversationList slug={slug} me={me?.id} filters={filters} onFilters={setFilters} selected={conversationId} linkTo={linkTo} />
      </section>
      {conversationId ? (
        <ConversationView key={conversationId} slug={slug} tenantName={tenantName} id={conversationId} me={me} supervisor={supervisor} wide={wide} />
      ) : (
        <section className={classes.column}>
          <Center h="100%">
            <Stack align="center" gap={4}>
              <IconMessages size={40} stroke={1.2} aria-hidden />
              <Text fw={500}>{t('workspace.pick')}</Text>
              <Text size="sm" c="dimmed">{t('workspace.pickHint', { name: contactLabel(tenantName, '') })}</Text>
            </Stack>
          </Center>
        </section>
      )}
      <VisuallyHidden role="status" aria-live="polite" aria-atomic="true">{announcement}</VisuallyHidden>
    </div>
  )
}
