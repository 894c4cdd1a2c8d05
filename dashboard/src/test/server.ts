// A fake backend for component tests: routes matched by method and path, every call recorded. The real
// ApiClient talks to it through the global fetch, refresh rotation included.

export type Call = { method: string; path: string; query: URLSearchParams; body: unknown }
type Handler = (call: Call, params: URLSearchParams) => { status?: number; body?: unknown } | unknown

export class FakeServer {
  readonly calls: Call[] = []
  private readonly routes: { method: string; pattern: RegExp; handler: Handler }[] = []

  on(method: string, path: string | RegExp, handler: Handler): this {
    const pattern = typeof path === 'string' ? new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : path
    this.routes.unshift({ method, pattern, handler })
    return this
  }

  /** The JSON bodies sent to one route. */
  bodies(method: string, path: string | RegExp): unknown[] {
    return this.calls.filter((c) => c.method === method && (typeof path === 'string' ? c.path === path : path.test(c.path))).map((c) => c.body)
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost')
    const method = init?.method ?? 'GET'
    const body = init?.body ? JSON.parse(String(init.body)) : undefined
    const call = { method, path: url.pathname, query: url.searchParams, body }
    this.calls.push(call)
    if (url.pathname === '/api/v1/auth/refresh') return json(200, { accessToken: 'access', refreshToken: 'refresh', expiresIn: 900 })
    const route = this.routes.find((r) => r.method === method && r.pattern.test(url.pathname))
    if (!route) return json(404, { title: 'Not found', status: 404, detail: `no fake route for ${method} ${url.pathname}` })
    const result = route.handler(call, url.searchParams)
    if (result && typeof result === 'object' && 'status' in result && typeof (result as { status: unknown }).status === 'number') {
      const r = result as { status: number; body?: unknown }
      return json(r.status, r.body)
    }
    return json(200, result)
  }
}

function json(status: number, body: unknown): Response {
  return new Response(status === 204 || body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  })
}
