import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../lib/api'

export type CannedReply = { id: string; shortcut: string; title: string; body: string; updatedBy: string | null; updatedAt: string }
export type Draft = { shortcut: string; title: string; body: string }

const base = (slug: string) => `/api/v1/tenants/${encodeURIComponent(slug)}/canned-replies`
const key = (slug: string) => ['canned-replies', slug] as const

export function useCannedReplies(slug: string) {
  return useQuery({ queryKey: key(slug), queryFn: () => api.get<CannedReply[]>(base(slug)) })
}

/** Creates when {@code id} is absent, else updates. */
export function useSaveCannedReply(slug: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, draft }: { id?: string; draft: Draft }) =>
      id ? api.put<CannedReply>(`${base(slug)}/${id}`, draft) : api.post<CannedReply>(base(slug), draft),
    onSuccess: () => client.invalidateQueries({ queryKey: key(slug) }),
  })
}

export function useDeleteCannedReply(slug: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`${base(slug)}/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: key(slug) }),
  })
}
