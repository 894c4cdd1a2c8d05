// Screen 04 end to end: an admin changes the greeting and the temperature, a new web chat greets with the new
// text, and reverting both brings the tenant directory's values back.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { launch, screenshot, signIn } from '../lib/browser.mjs'
import { openChat } from '../lib/widget.mjs'

let browser
before(async () => {
  browser = await launch()
})
after(async () => {
  await browser?.close()
})

async function greetingOfANewChat() {
  const context = await browser.newContext()
  const page = await context.newPage()
  await openChat(page, 'acme', 'en')
  const text = await page.getByRole('log').locator('li').first().innerText()
  await context.close()
  return text
}

test('an admin edits the greeting and the temperature, a new chat greets with it, and revert restores both', async () => {
  const original = await greetingOfANewChat()
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await signIn(page, 'admin@acme.test')
  await page.getByRole('link', { name: 'AI agent' }).click()
  await page.getByRole('heading', { name: 'AI agent' }).waitFor()

  const greeting = `Hello from the end-to-end test ${Date.now().toString(36)}! How can we help?`
  await page.getByLabel('Greeting (English)').fill(greeting)
  await page.getByLabel('Temperature', { exact: true }).fill('0.55')
  await page.getByText('2 unsaved change(s)').waitFor()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await page.getByText('Configuration saved.').waitFor()
  const version = async (key) => {
    const badge = page.getByTestId(`source-agent.${key}`).getByText(/Override v\d+/)
    await badge.waitFor()
    return (await badge.innerText()).match(/\d+/)[0]
  }
  const versions = { greeting: await version('greeting'), temperature: await version('temperature') }
  await page.getByText('Configuration saved.').waitFor({ state: 'hidden' })
  await screenshot(page, 'agent-config')

  assert.match(await greetingOfANewChat(), new RegExp(greeting.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))

  // An invalid value is refused by the server and shown next to its field; nothing is saved.
  await page.getByLabel('Model', { exact: true }).fill('')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await page.getByTestId('error-agent.model').waitFor()
  await page.getByRole('button', { name: 'Discard' }).click()

  // Revert both changes from the version history.
  for (const key of ['temperature', 'greeting']) {
    await page.getByTestId(`history-v${versions[key]}`).getByRole('button', { name: 'Revert' }).click()
    await page.getByTestId(`source-agent.${key}`).getByText('Tenant directory').waitFor()
  }
  assert.equal(await page.getByLabel('Temperature', { exact: true }).inputValue(), '0.3')
  assert.equal(await greetingOfANewChat(), original)
})

test('an agent sees the configuration read-only', async () => {
  const page = await browser.newPage()
  await signIn(page, 'agent@acme.test')
  await page.getByRole('link', { name: 'AI agent' }).click()
  await page.getByText('You can see this configuration; admins and owners can change it.').waitFor()
  assert.equal(await page.getByLabel('Temperature', { exact: true }).isDisabled(), true)
  assert.equal(await page.getByRole('button', { name: 'Revert' }).count(), 0)
})
