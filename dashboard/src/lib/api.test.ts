import { describe, expect, it } from 'vitest'
import { ApiClient, ApiError } from './api'

function memoryStorage(): Storage {
  const data = new Map<string, string>()
  return {
    get length() { return data.size },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  }
}

function json(status: number, body: unknown): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('ApiClient', () => {
  it('refreshes once on 401 and retries the request with the new access token', async () => {
    const calls: string[] = []
    let refreshes = 0
    const fetcher = (async (path: string, init?: RequestInit) => {
      const auth = (init?.headers as Record<string, string>)?.Authorization ?? ''
      calls.push(`${path} ${auth}`)
      if (path === '/api/v1/auth/login') return json(200, { accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 })
      if (path === '/api/v1/auth/refresh') {
        refreshes++
        return json(200, { accessToken: 'a2', refreshToken: 'r2', expiresIn: 900 })
      }
      return auth === 'Bearer a2' ? json(200, { ok: true }) : json(401, { title: 'Unauthorized' })
    }) as typeof fetch
    const storage = memoryStorage()
    const client = new ApiClient(storage, fetcher)
    await client.login('a@b.c', 'pw')
    const [first, second] = await Promise.all([client.get('/api/v1/me'), client.get('/api/v1/other')])
    expect(first).toEqual({ ok: true })
    expect(second).toEqual({ ok: true })
    expect(refreshes).toBe(1)
    expect(storage.getItem('switchboard.refreshToken')).toBe('r2')
  })

  it('signs out when the refresh token is refused', async () => {
    const fetcher = (async (path: string) =>
      path === '/api/v1/auth/login'
        ? json(200, { accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 })
        : json(401, { title: 'Unauthorized', detail: 'expired' })) as typeof fetch
    const storage = memoryStorage()
    const client = new ApiClient(storage, fetcher)
    await client.login('a@b.c', 'pw')
    const signedOut: boolean[] = []
    client.onSessionChange((s) => signedOut.push(s))
    await expect(client.get('/api/v1/me')).rejects.toBeInstanceOf(ApiError)
    expect(client.hasSession).toBe(false)
    expect(signedOut).toContain(false)
  })

  it('exposes the field errors of a problem response', async () => {
    const fetcher = (async () =>
      json(400, { title: 'Invalid request', errors: [{ field: 'agent.temperature', message: 'must be at most 2' }] })) as typeof fetch
    const client = new ApiClient(memoryStorage(), fetcher)
    const error = await client.post('/x', {}).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).fieldError('agent.temperature')).toBe('must be at most 2')
  })

  it('hands out a fresh token for the live connection, rotating when it is about to expire or refused', async () => {
    let clock = 0
    let issued = 0
    const fetcher = (async () => {
      issued++
      return json(200, { accessToken: `a${issued}`, refreshToken: `r${issued}`, expiresIn: 900 })
    }) as typeof fetch
    const client = new ApiClient(memoryStorage(), fetcher, () => clock)
    await client.login('a@b.c', 'pw')
    expect(await client.freshToken()).toBe('a1')
    clock = 880_000
    expect(await client.freshToken()).toBe('a2')
    expect(await client.freshToken()).toBe('a2')
    expect(await client.freshToken(true)).toBe('a3')
  })
})
