import { Alert, Center, Drawer, Loader } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useDisclosure } from '@mantine/hooks'
import { ApiError } from '../../lib/api'
import { useI18n } from '../../lib/i18n'
import { useAgents, useConversation, useConversationAction, useMessages, type Action } from './api'
import { Composer } from './Composer'
import { ContactPanel } from './ContactPanel'
import { contactLabel } from './labels'
import { MessageList } from './MessageList'
import { allowedActions } from './permissions'
import { ThreadHeader } from './ThreadHeader'
import classes from './workspace.module.css'

type Props = { slug: string; tenantName: string; id: string; me: { id: string; displayName: string } | undefined; supervisor: boolean; wide: boolean }

/** The open conversation: header with actions, the thread, the composer, and the contact panel beside or in a drawer. */
export function ConversationView({ slug, tenantName, id, me, supervisor, wide }: Props) {
  const { t } = useI18n()
  const detail = useConversation(slug, id)
  const thread = useMessages(slug, id)
  const agents = useAgents(slug)
  const action = useConversationAction(slug, id)
  const [panelOpen, panel] = useDisclosure(false)

  if (detail.isLoading) return <section className={classes.column}><Center h="100%"><Loader aria-label={t('common.loading')} /></Center></section>
  if (!detail.data) {
    return (
      <section className={classes.column}>
        <Alert m="md" color="red" role="alert">{detail.error instanceof ApiError && detail.error.status === 404 ? t('workspace.notFound') : t('common.error')}</Alert>
      </section>
    )
  }

  const c = detail.data.conversation
  const contactName = contactLabel(c.contactName, t('workspace.anonymous'))
  const allowed = allowedActions(c, me?.id, supervisor)
  const messages = [...(thread.data?.pages ?? [])].reverse().flatMap((p) => p.items)
  const run = (a: Action) => action.mutate(a, {
    onError: (e) => notifications.show({ color: 'red', title: t('actions.failed'), message: e instanceof ApiError ? e.message : t('common.error') }),
  })
  const contact = <ContactPanel detail={detail.data} agents={agents.data} />

  return (
    <>
      <section className={classes.column} aria-label={t('thread.label', { name: contactName })}>
        <ThreadHeader conversation={c} allowed={allowed} agents={agents.data} me={me?.id} busy={action.isPending}
          onAction={run} onTogglePanel={wide ? undefined : panel.toggle} />
        <MessageList messages={messages} events={detail.data.audit} contactName={contactName} loading={thread.isLoading}
          hasOlder={Boolean(thread.hasNextPage)} loadingOlder={thread.isFetchingNextPage} onLoadOlder={() => thread.fetchNextPage()} />
        <Composer key={id} slug={slug} conversationId={id} canReply={allowed.reply} canTake={allowed.take}
          holder={c.assignee?.name ?? null} closed={c.status === 'closed'}
          onTakeOver={() => run({ kind: 'take' })}
          variables={{ 'contact.name': c.contactName ?? '', 'agent.name': me?.displayName ?? '', 'tenant.name': tenantName }} />
      </section>
      {wide ? <aside className={classes.column}>{contact}</aside> : (
        <Drawer opened={panelOpen} onClose={panel.close} position="right" size={340} title={t('contact.panel')}>{contact}</Drawer>
      )}
    </>
  )
}
