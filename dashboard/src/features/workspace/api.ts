import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../lib/api'
import type { Agent, CannedReply, ConversationDetail, ConversationSummary, Counts, Filters, Message, Page } from './types'

// Query keys: everything of one tenant's workspace lives under ['workspace', slug], so a tenant switch or a
// resynchronisation can drop it in one go.
export const keys = {
  all: (slug: string) => ['workspace', slug] as const,
  lists: (slug: string) => ['workspace', slug, 'list'] as const,
  list: (slug: string, filters: Filters) => ['workspace', slug, 'list', filters] as const,
  counts: (slug: string) => ['workspace', slug, 'counts'] as const,
  conversation: (slug: string, id: string) => ['workspace', slug, 'conversation', id] as const,
  messages: (slug: string, id: string) => ['workspace', slug, 'messages', id] as const,
  agents: (slug: string) => ['workspace', slug, 'agents'] as const,
  canned: (slug: string) => ['workspace', slug, 'canned'] as const,
}

const base = (slug: string) => `/api/v1/tenants/${encodeURIComponent(slug)}`

export function listQuery(filters: Filters, cursor: string | null): string {
  const params = new URLSearchParams({ status: filters.status, view: filters.view, limit: '30' })
  if (filters.channel) params.set('channel', filters.channel)
  if (filters.q.trim()) params.set('q', filters.q.trim())
  if (cursor) params.set('cursor', cursor)
  return params.toString()
}

export function useConversationList(slug: string, filters: Filters) {
  return useInfiniteQuery({
    queryKey: keys.list(slug, filters),
    queryFn: ({ pageParam }) => api.get<Page<ConversationSummary>>(`${base(slug)}/conversations?${listQuery(filters, pageParam)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  })
}

export function useCounts(slug: string) {
  return useQuery({ queryKey: keys.counts(slug), queryFn: () => api.get<Counts>(`${base(slug)}/conversations/counts`) })
}

export function useConversation(slug: string, id: string | undefined) {
  return useQuery({
    queryKey: keys.conversation(slug, id ?? ''),
    queryFn: () => api.get<ConversationDetail>(`${base(slug)}/conversations/${id}`),
    enabled: Boolean(id),
  })
}

/** The thread, newest page first; older pages load on demand. */
export function useMessages(slug: string, id: string | undefined) {
  return useInfiniteQuery({
    queryKey: keys.messages(slug, id ?? ''),
    queryFn: ({ pageParam }) =>
      api.get<Page<Message>>(`${base(slug)}/conversations/${id}/messages?limit=50${pageParam ? `&before=${pageParam}` : ''}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    enabled: Boolean(id),
  })
}

export function useAgents(slug: string) {
  return useQuery({ queryKey: keys.agents(slug), queryFn: () => api.get<Agent[]>(`${base(slug)}/agents`) })
}

export function useCannedReplies(slug: string) {
  return useQuery({ queryKey: keys.canned(slug), queryFn: () => api.get<CannedReply[]>(`${base(slug)}/canned-replies`), staleTime: 60_000 })
}

export type Action = { kind: 'take' | 'return-to-ai' | 'close' } | { kind: 'reassign'; assigneeId: string }

/** Take over, return to the AI, end, reassign: the answer is the conversation as it is now. */
export function useConversationAction(slug: string, id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (action: Action) =>
      api.post<ConversationDetail>(`${base(slug)}/conversations/${id}/${action.kind}`,
        action.kind === 'reassign' ? { assigneeId: action.assigneeId } : {}),
    onSuccess: (detail) => {
      client.setQueryData(keys.conversation(slug, id), detail)
      void client.invalidateQueries({ queryKey: keys.lists(slug) })
      void client.invalidateQueries({ queryKey: keys.counts(slug) })
    },
    onError: () => client.invalidateQueries({ queryKey: keys.conversation(slug, id) }),
  })
}

export function usePostMessage(slug: string, id: string) {
  return useMutation({
    mutationFn: (body: { text: string; note: boolean }) => api.post<Message>(`${base(slug)}/conversations/${id}/messages`, body),
  })
}
