import { useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { useEffect, useMemo, useRef } from 'react'
import { useLiveEvents } from '../../lib/liveContext'
import type { LiveEvent } from '../../lib/live'
import { keys } from './api'
import { applyPresence, hasGap, mergeMessage, replaceDetailSummary, replaceSummary } from './cache'
import type { Agent, ConversationSummary, Message, Page } from './types'

/**
 * Keeps the workspace's cached data current from the live connection: a changed conversation is patched in
 * place at once and the lists are refetched shortly after (the server decides what belongs in each filter);
 * a message joins its thread; presence updates the team. {@code onMessage} hears each new message of the open
 * conversation (for the screen reader announcement).
 */
export function useWorkspaceLive(slug: string, conversationId: string | undefined, onMessage: (message: Message) => void) {
  const client = useQueryClient()
  const refetchLists = useDebounced(() => {
    void client.invalidateQueries({ queryKey: keys.lists(slug) })
    void client.invalidateQueries({ queryKey: keys.counts(slug) })
  }, 400)

  useLiveEvents(slug, conversationId, (event: LiveEvent) => {
    if (event.tenant !== undefined && event.tenant !== slug) return
    switch (event.type) {
      case 'conversation': {
        const summary = event.conversation as ConversationSummary
        client.setQueriesData<InfiniteData<Page<ConversationSummary>>>({ queryKey: keys.lists(slug) }, (d) => replaceSummary(d, summary))
        const detailKey = keys.conversation(slug, summary.id)
        if (client.getQueryData(detailKey)) {
          client.setQueryData(detailKey, (d: Parameters<typeof replaceDetailSummary>[0]) => replaceDetailSummary(d, summary))
          void client.invalidateQueries({ queryKey: detailKey })
        }
        refetchLists()
        break
      }
      case 'message': {
        const message = event.message as Message
        const key = keys.messages(slug, message.conversationId)
        const cached = client.getQueryData<InfiniteData<Page<Message>>>(key)
        if (hasGap(cached, message)) {
          void client.invalidateQueries({ queryKey: key })
        } else {
          const known = cached?.pages.some((p) => p.items.some((m) => m.id === message.id))
          client.setQueryData<InfiniteData<Page<Message>>>(key, (d) => mergeMessage(d, message))
          if (!known && message.conversationId === conversationId) onMessage(message)
        }
        break
      }
      case 'presence':
        client.setQueryData<Agent[]>(keys.agents(slug), (d) => applyPresence(d, event.agents as { userId: string; status: Agent['status'] }[]))
        break
      case 'resync':
        void client.invalidateQueries({ queryKey: keys.all(slug) })
        break
    }
  })
}

function useDebounced(action: () => void, ms: number): () => void {
  const latest = useRef(action)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => {
    latest.current = action
  })
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])
  return useMemo(() => () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => latest.current(), ms)
  }, [ms])
}
