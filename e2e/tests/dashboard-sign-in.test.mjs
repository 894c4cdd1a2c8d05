import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { baseUrl, launch, signIn } from '../lib/browser.mjs'

let browser
before(async () => {
  browser = await launch()
})
after(async () => {
  await browser?.close()
})

test('the demo admin signs in to the dashboard and sees the demo tenant', async () => {
  const page = await browser.newPage()
  await signIn(page, 'admin@acme.test')
  await page.getByRole('heading', { name: 'Overview' }).waitFor()
  await page.getByText('Acme Home Services').first().waitFor()
  assert.match(new URL(page.url()).pathname, /^\/app\/?$/)
})

test('a wrong password is refused with a message and no session', async () => {
  const page = await browser.newPage()
  await signIn(page, 'admin@acme.test', 'definitely-wrong-password')
  await page.getByRole('alert').waitFor()
  assert.match(await page.getByRole('alert').innerText(), /Wrong email or password/)
  assert.equal(await page.evaluate(() => window.localStorage.getItem('switchboard.refreshToken')), null)
})

test('the Spanish interface signs in too', async () => {
  const page = await browser.newPage()
  await signIn(page, 'agent@acme.test', undefined, 'es')
  await page.getByRole('heading', { name: 'Resumen' }).waitFor()
})

test('the API refuses a dashboard call without a token with problem details', async () => {
  const response = await fetch(`${baseUrl}/api/v1/me`)
  assert.equal(response.status, 401)
  assert.match(response.headers.get('content-type'), /^application\/problem\+json/)
})
