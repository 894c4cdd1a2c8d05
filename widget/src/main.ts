// Entry point of widget.js: <script src="https://HOST/widget.js" data-tenant="acme" async></script>.
// Optional attributes: data-lang="es", and for a signed-in user of the site data-user-id, data-user-hash
// (hex HMAC-SHA256 of the user id with the tenant's identity secret, computed by the site's server) and
// data-user-name.
import { ChatApp, type WidgetConfig } from './app'
import { chooseLanguage } from './i18n'
import { VisitorSession, type Identity } from './session'

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript
  if (current instanceof HTMLScriptElement && current.dataset.tenant) return current
  return document.querySelector<HTMLScriptElement>('script[data-tenant][src*="widget.js"]')
}

function identityOf(script: HTMLScriptElement): Identity | null {
  const { userId, userHash, userName } = script.dataset
  return userId && userHash ? { userId, userHash, userName } : null
}

async function boot(script: HTMLScriptElement): Promise<void> {
  const tenant = script.dataset.tenant!
  const base = new URL(script.src, document.baseURI).origin
  const response = await fetch(`${base}/webchat/${encodeURIComponent(tenant)}/config`, { credentials: 'omit' })
  if (!response.ok) throw new Error(`web chat configuration refused: HTTP ${response.status}`)
  const config = (await response.json()) as WidgetConfig
  const language = chooseLanguage(script.dataset.lang ?? null, document.documentElement.lang, config.languages)
  const host = document.createElement('div')
  host.setAttribute('data-switchboard-webchat', tenant)
  document.body.append(host)
  const root = host.attachShadow({ mode: 'open' })
  new ChatApp(root, base, config, language, new VisitorSession(base, tenant, identityOf(script)))
}

const script = findScript()
if (script && !document.querySelector(`[data-switchboard-webchat]`)) {
  const start = () => boot(script).catch((e: unknown) => console.warn('[switchboard web chat]', e))
  if (document.body) void start()
  else document.addEventListener('DOMContentLoaded', () => void start(), { once: true })
}
