// The visitor token, kept in the page's localStorage per tenant, obtained and renewed from the platform.

export interface Identity {
  userId: string
  userHash: string
  userName?: string
}

export interface Stored {
  token: string
  visitorId: string
  expiresAt: string
  userId?: string
  conversationId?: string
}

const RENEW_BEFORE_MS = 24 * 3600 * 1000

export class VisitorSession {
  private readonly key: string
  private readonly base: string
  private readonly tenant: string
  private readonly identity: Identity | null
  private readonly storage: Storage | null
  private issuing: Promise<Stored> | null = null

  constructor(base: string, tenant: string, identity: Identity | null, storage: Storage | null = safeStorage()) {
    this.base = base
    this.tenant = tenant
    this.identity = identity
    this.storage = storage
    this.key = `switchboard.webchat.${tenant}`
  }

  stored(): Stored | null {
    try {
      const raw = this.storage?.getItem(this.key)
      return raw ? (JSON.parse(raw) as Stored) : null
    } catch {
      return null
    }
  }

  save(stored: Stored): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(stored))
    } catch {
      // Storage may be full or blocked (private mode): the chat still works for this page view.
    }
  }

  rememberConversation(conversationId: string | null): void {
    const stored = this.stored()
    if (stored && stored.conversationId !== (conversationId ?? undefined)) {
      this.save({ ...stored, conversationId: conversationId ?? undefined })
    }
  }

  /**
   * A token good for a while: the stored one, or a renewed or new one (and then for the site's user). Callers that
   * ask while a request is under way share it: two requests with nothing stored would make two visitors.
   */
  async token(forceRenew = false): Promise<Stored> {
    const stored = this.stored()
    const sameUser = (stored?.userId ?? null) === (this.identity?.userId ?? null)
    const fresh = stored && Date.parse(stored.expiresAt) - Date.now() > RENEW_BEFORE_MS
    if (stored && sameUser && fresh && !forceRenew) return stored
    if (!this.issuing) {
      this.issuing = this.issue(stored, sameUser).finally(() => {
        this.issuing = null
      })
    }
    return this.issuing
  }

  private async issue(stored: Stored | null, sameUser: boolean): Promise<Stored> {
    const body = this.identity ? { ...this.identity } : { token: sameUser ? stored?.token : undefined }
    const response = await fetch(`${this.base}/webchat/${encodeURIComponent(this.tenant)}/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
    })
    if (!response.ok) throw new Error(`session refused: HTTP ${response.status}`)
    const issued = (await response.json()) as { token: string; visitorId: string; expiresAt: string }
    const next: Stored = {
      token: issued.token,
      visitorId: issued.visitorId,
      expiresAt: issued.expiresAt,
      userId: this.identity?.userId,
      conversationId: stored && stored.visitorId === issued.visitorId ? stored.conversationId : undefined,
    }
    this.save(next)
    return next
  }
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}
