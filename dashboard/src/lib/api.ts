// The API client: JSON over fetch with the access token attached, and transparent refresh-token rotation.
// A 401 triggers one refresh (shared by every request that hit it at the same time), then one retry.

export type TokenPair = { accessToken: string; refreshToken: string; expiresIn: number }

export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem
  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`)
    this.status = status
    this.problem = problem
  }
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === field)?.message
  }
}

export type Problem = {
  title?: string
  detail?: string
  status?: number
  errors?: { field: string; message: string }[]
}

const REFRESH_KEY = 'switchboard.refreshToken'

type Listener = (signedIn: boolean) => void

export class ApiClient {
  private accessToken: string | null = null
  private expiresAt = 0
  private refreshing: Promise<boolean> | null = null
  private listeners = new Set<Listener>()
  private readonly storage: Storage
  private readonly fetcher: typeof fetch

  private readonly now: () => number

  constructor(storage: Storage = window.localStorage, fetcher: typeof fetch = (...a) => fetch(...a), now = () => Date.now()) {
    this.storage = storage
    this.fetcher = fetcher
    this.now = now
  }

  get hasSession(): boolean {
    return this.accessToken !== null || this.storage.getItem(REFRESH_KEY) !== null
  }

  onSessionChange(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async login(email: string, password: string): Promise<void> {
    const pair = await this.send<TokenPair>('POST', '/api/v1/auth/login', { email, password }, false)
    this.store(pair)
  }

  async logout(): Promise<void> {
    const refreshToken = this.storage.getItem(REFRESH_KEY)
    this.clear()
    if (refreshToken) {
      await this.send('POST', '/api/v1/auth/logout', { refreshToken }, false).catch(() => undefined)
    }
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path)
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>('POST', path, body)
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PATCH', path, body)
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PUT', path, body)
  }

  delete<T>(path: string): Promise<T> {
    return this.send<T>('DELETE', path)
  }

  /**
   * An access token that is still valid for a while, for connections that present it themselves (the live
   * WebSocket): rotated first when there is none, when it is about to expire, or when {@code force}d because
   * the server refused it.
   */
  async freshToken(force = false): Promise<string | null> {
    const stale = !this.accessToken || this.now() > this.expiresAt - 30_000
    if ((force || stale) && this.storage.getItem(REFRESH_KEY)) {
      await this.refresh()
    }
    return this.accessToken
  }

  private async send<T>(method: string, path: string, body?: unknown, authorised = true): Promise<T> {
    if (authorised && !this.accessToken && this.storage.getItem(REFRESH_KEY)) {
      await this.refresh()
    }
    let response = await this.call(method, path, body, authorised)
    if (response.status === 401 && authorised && (await this.refresh())) {
      response = await this.call(method, path, body, authorised)
    }
    if (response.status === 401 && authorised) {
      this.clear()
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as Problem
      throw new ApiError(response.status, problem)
    }
    return response.status === 204 ? (undefined as T) : ((await response.json()) as T)
  }

  private call(method: string, path: string, body: unknown, authorised: boolean): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    if (authorised && this.accessToken) headers.Authorization = `Bearer ${this.accessToken}`
    return this.fetcher(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  }

  private refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.rotate().finally(() => {
        this.refreshing = null
      })
    }
    return this.refreshing
  }

  private async rotate(): Promise<boolean> {
    const refreshToken = this.storage.getItem(REFRESH_KEY)
    if (!refreshToken) return false
    const response = await this.call('POST', '/api/v1/auth/refresh', { refreshToken }, false)
    if (!response.ok) {
      this.clear()
      return false
    }
    this.store((await response.json()) as TokenPair)
    return true
  }

  private store(pair: TokenPair) {
    this.accessToken = pair.accessToken
    this.expiresAt = this.now() + pair.expiresIn * 1000
    this.storage.setItem(REFRESH_KEY, pair.refreshToken)
    this.listeners.forEach((l) => l(true))
  }

  private clear() {
    const had = this.hasSession
    this.accessToken = null
    this.storage.removeItem(REFRESH_KEY)
    if (had) this.listeners.forEach((l) => l(false))
  }
}

export const api = new ApiClient()
