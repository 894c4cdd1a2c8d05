import { afterEach, describe, expect, it, vi } from 'vitest'
import { VisitorSession } from './session'

class MemoryStorage {
  private readonly items = new Map<string, string>()
  getItem(key: string): string | null {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value)
  }
}

function issuingFetch(): { fetch: ReturnType<typeof vi.fn>; release: () => void } {
  let release = (): void => {}
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  let issued = 0
  const fetch = vi.fn(async () => {
    await gate
    issued++
    return new Response(JSON.stringify({ token: `tok-${issued}`, visitorId: `v_${issued}`, expiresAt: '2100-01-01T00:00:00Z' }),
      { status: 200, headers: { 'Content-Type': 'application/json' } })
  })
  return { fetch, release }
}

describe('VisitorSession', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('asks the platform once when two callers want a token while the first request is under way', async () => {
    const { fetch, release } = issuingFetch()
    vi.stubGlobal('fetch', fetch)
    const session = new VisitorSession('http://platform', 'acme', null, new MemoryStorage() as unknown as Storage)
    const first = session.token()
    const second = session.token()
    release()
    const [a, b] = await Promise.all([first, second])
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(a.visitorId).toBe('v_1')
    expect(b.visitorId).toBe('v_1')
    expect(session.stored()?.token).toBe('tok-1')
  })

  it('asks again once the earlier request has finished, when a renewal is forced', async () => {
    const { fetch, release } = issuingFetch()
    release()
    vi.stubGlobal('fetch', fetch)
    const session = new VisitorSession('http://platform', 'acme', null, new MemoryStorage() as unknown as Storage)
    await session.token()
    await session.token(true)
    expect(fetch).toHaveBeenCalledTimes(2)
  })
})
