// The web chat as a visitor meets it: a third-party page (served here, on an origin the platform was told to
// allow) embeds the widget with one script tag; the visitor talks to the demo tenant's offline agent in Spanish
// and in English, sees a reply streamed token by token once the tenant has an LLM key, reloads and finds the
// history, and rates the conversation.
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import { after, before, test } from 'node:test'
import { baseUrl, demoPassword, launch, screenshot } from '../lib/browser.mjs'

const sitePort = Number(process.env.E2E_SITE_PORT ?? 0)
const site = `http://127.0.0.1:${sitePort}`
const skip = sitePort ? false : 'E2E_SITE_PORT is not set (./switchboard test sets it and allows its origin)'

// Hostile host styles: the widget renders in a Shadow DOM and must not be affected.
const page = (lang) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Acme partner site</title>
<style>* { font-family: Comic Sans MS, cursive !important; } button { background: rgb(255, 105, 180) !important; }
div { display: inline !important; }</style></head>
<body><h1>Acme partner site</h1><p>Book a plumber, get a discount.</p>
<script src="${baseUrl}/widget.js" data-tenant="acme" async></script></body></html>`

let server
let browser
before(async () => {
  if (skip) return
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(page(req.url.startsWith('/en') ? 'en' : 'es'))
  })
  await new Promise((resolve) => server.listen(sitePort, '0.0.0.0', resolve))
  browser = await launch()
})
after(async () => {
  await browser?.close()
  server?.close()
})

async function say(page, text) {
  const box = page.getByRole('textbox', { name: /^(Mensaje|Message)$/ })
  await box.fill(text)
  await box.press('Enter')
}

/** Waits for the n-th reply of the agent (1-based) and returns its text. */
async function reply(page, n) {
  const replies = page.locator('li.msg.ai[data-key]')
  await replies.nth(n - 1).waitFor({ timeout: 30_000 })
  return replies.nth(n - 1).innerText()
}

async function admin(method, path, body) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@acme.test', password: demoPassword }),
  })
  const { accessToken } = await login.json()
  const response = await fetch(`${baseUrl}${path}`, {
    method, headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  })
  assert.ok(response.ok, `${method} ${path}: ${response.status}`)
}

test('a visitor on a third-party site cancels a visit in Spanish, reloads, finds the history and rates', { skip }, async () => {
  const context = await browser.newContext()
  const tab = await context.newPage()
  const images = []
  tab.on('request', (r) => r.resourceType() === 'image' && images.push(r.url()))
  await tab.goto(`${site}/es`)

  await tab.getByRole('button', { name: 'Abrir chat' }).click()
  const launcher = tab.locator('button.launcher')
  assert.notEqual(await launcher.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(255, 105, 180)')
  await tab.getByText('¡Hola! Soy el asistente virtual de Acme Home Services').waitFor()
  const font = await tab.locator('li.msg.ai').first().evaluate((li) => getComputedStyle(li).fontFamily)
  assert.doesNotMatch(font, /Comic Sans|cursive/, 'the page styles do not reach into the widget')

  await say(tab, 'quiero cancelar mi visita')
  assert.match(await reply(tab, 1), /DNI/)
  await say(tab, 'mi DNI es 12345678Z')
  const confirm = await reply(tab, 2)
  assert.match(confirm, /María García/)
  assert.match(confirm, /¿Seguro que quieres cancelarla\?/)
  await say(tab, 'sí')
  assert.match(await reply(tab, 3), /^Asistente virtual\s+Hecho: he cancelado tu visita del/)
  await screenshot(tab, 'webchat-spanish')

  await tab.reload()
  await tab.getByRole('button', { name: 'Abrir chat' }).click()
  await tab.locator('li.msg.ai[data-key]').nth(2).waitFor()
  assert.equal(await tab.locator('li.msg.customer').count(), 3, 'each message of the history shown once')
  assert.equal(await tab.locator('li.msg.ai[data-key]').count(), 3)
  assert.match(await tab.getByRole('log').innerText(), /quiero cancelar mi visita[\s\S]*mi DNI es 12345678Z[\s\S]*sí/)

  await tab.getByRole('button', { name: 'Terminar chat' }).click()
  await tab.getByText('¿Qué te ha parecido esta conversación?').waitFor()
  await tab.getByRole('button', { name: '5 de 5' }).click()
  await tab.getByText('¡Gracias por tu opinión!').waitFor()
  assert.deepEqual(images, [], 'the widget loads no image')
  await context.close()
})

test('an English visitor asks for the technician, then gets a reply streamed token by token', { skip }, async () => {
  const context = await browser.newContext()
  const tab = await context.newPage()
  await tab.goto(`${site}/en`)
  await tab.getByRole('button', { name: 'Open chat' }).click()
  await tab.getByText("Hi! I'm Acme Home Services' virtual assistant").waitFor()

  await say(tab, 'when will the technician arrive?')
  assert.match(await reply(tab, 1), /DNI, NIE or passport/)

  await admin('PUT', '/api/v1/tenants/acme/secrets/anthropic_api_key', { value: 'sk-e2e-fake' })
  try {
    await say(tab, 'please tell me something nice')
    const draft = tab.locator('.draft')
    await draft.waitFor({ timeout: 30_000 })
    const seen = new Set()
    while ((await tab.locator('li.msg.ai[data-key]').count()) < 2) {
      const text = await draft.innerText().catch(() => '')
      if (text) seen.add(text)
      await tab.waitForTimeout(25)
    }
    assert.ok(seen.size >= 3, `the reply grew token by token on screen (saw ${[...seen].join(' | ')})`)
    assert.match(await reply(tab, 2), /You said: .*please tell me/)
    assert.equal(await tab.locator('.draft').count(), 0, 'the draft gave way to the committed reply')
    await screenshot(tab, 'webchat-english-streamed')
  } finally {
    await admin('DELETE', '/api/v1/tenants/acme/secrets/anthropic_api_key')
  }
  await context.close()
})

test('a page on an origin the tenant did not allow gets no chat', { skip }, async () => {
  const context = await browser.newContext()
  const tab = await context.newPage()
  const gaveUp = tab.waitForEvent('console', (m) => m.text().includes('[switchboard web chat]'))
  await tab.goto(`http://localhost:${sitePort}/es`)
  assert.match((await gaveUp).text(), /configuration refused|Failed to fetch/)
  assert.equal(await tab.locator('[data-switchboard-webchat]').count(), 0)
  await context.close()
})
