// Screen 01 end to end: a customer in the web chat asks for a person, the conversation appears live in the
// workspace as pending, an agent takes it over and replies, the customer sees the reply in the widget, the
// agent returns it to the AI, and the AI answers the customer's next message.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { baseUrl, launch, screenshot, signIn } from '../lib/browser.mjs'
import { openChat, widgetMessages } from '../lib/widget.mjs'

let browser
before(async () => {
  browser = await launch()
})
after(async () => {
  await browser?.close()
})

test('a handoff from the web chat is taken over, answered, and returned to the AI', async () => {
  const agentContext = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const agent = await agentContext.newPage()
  await signIn(agent, 'agent@acme.test')
  await agent.getByRole('link', { name: 'Conversations' }).click()
  await agent.getByTestId('live-status').getByText('Live').waitFor()

  // A word only this customer will write, to find their conversation with the search (which looks in messages).
  const word = `walter${Date.now().toString(36)}`
  await agent.getByRole('searchbox', { name: 'Search conversations' }).fill(word)
  await agent.getByText('No conversations here').waitFor()

  const customerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const customer = await customerContext.newPage()
  const chat = await openChat(customer, 'acme', 'en')
  await chat.send(`Hi, I am ${word}. I want to talk to a person, please.`)

  // The handoff shows up live, without reloading, as pending.
  const item = agent.locator('[data-testid="conversation-item"][data-status="pending"]')
  await item.waitFor({ timeout: 30_000 })
  assert.equal(await agent.getByTestId('conversation-item').count(), 1)
  await item.click()
  const header = agent.getByTestId('thread-header')
  await header.getByText('Web chat').waitFor()
  await agent.getByTestId('thread-status').getByText('Pending').waitFor()

  await header.getByRole('button', { name: 'Take over' }).click()
  await agent.getByTestId('thread-status').getByText('Human').waitFor()
  const reply = 'Hello, this is Diego from Acme. I can help you with that.'
  await agent.getByLabel('Reply to the customer').fill(reply)
  await agent.getByRole('button', { name: 'Send' }).click()
  await agent.getByTestId('thread').getByText(reply).waitFor()

  // The customer sees the human's reply in the widget; a private note never reaches them.
  await chat.waitFor(reply)
  await agent.getByText('Private note', { exact: true }).click()
  const note = 'Wants a person for this one: check their next visit before closing.'
  await agent.getByLabel('Private note (only agents see it)').fill(note)
  await agent.getByRole('button', { name: 'Add note' }).click()
  await agent.getByTestId('thread').getByText(note).waitFor()
  await agent.getByText('Reply', { exact: true }).click()
  await agent.getByTestId('audit-trail').getByText('Diego Agent took over').waitFor()
  await agent.getByRole('button', { name: 'Send' }).and(agent.locator(':not([data-loading])')).waitFor()
  await screenshot(agent, 'workspace')
  assert.ok(!(await widgetMessages(customer)).some((m) => m.text.includes(note)), 'the note stayed private')

  await header.getByRole('button', { name: 'Return to AI' }).click()
  await agent.getByTestId('thread-status').getByText('AI').waitFor()

  // The AI answers again, with the whole conversation behind it.
  const before = (await widgetMessages(customer)).length
  await chat.send('When will the technician arrive?')
  await chat.waitForNewAnswer(before + 1)
  const answers = await widgetMessages(customer)
  const last = answers.at(-1)
  assert.equal(last.role, 'ai', `the last message should come from the assistant: ${JSON.stringify(answers)}`)
  await agent.getByTestId('thread').getByText('When will the technician arrive?').waitFor()
  await agentContext.close()
  await customerContext.close()
})
