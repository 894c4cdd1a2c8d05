// Drives the embeddable web chat on the demo page as a customer would. The widget lives in an open Shadow DOM,
// which Playwright's locators reach into.
import { baseUrl } from './browser.mjs'

/** Opens /demo/{tenant} in {@code language} and the chat panel; returns helpers to talk in it. */
export async function openChat(page, tenant, language = 'en') {
  await page.goto(`${baseUrl}/demo/${tenant}?lang=${language}`)
  await page.getByRole('button', { name: language === 'es' ? 'Abrir chat' : 'Open chat' }).click()
  const input = page.getByRole('textbox', { name: language === 'es' ? 'Mensaje' : 'Message' })
  await input.waitFor()
  return {
    input,
    async send(text) {
      await input.fill(text)
      await input.press('Enter')
    },
    async waitFor(text, timeout = 30_000) {
      await page.getByRole('log').getByText(text).first().waitFor({ timeout })
    },
    /** Waits until the log holds more than {@code count} entries and the newest is not the customer's. */
    async waitForNewAnswer(count, timeout = 30_000) {
      await page.waitForFunction((n) => {
        const host = [...document.querySelectorAll('*')].find((e) => e.shadowRoot?.querySelector('[role=log]'))
        const items = host ? [...host.shadowRoot.querySelectorAll('[role=log] > li')] : []
        return items.length > n && !items.at(-1).classList.contains('customer')
      }, count, { timeout })
    },
  }
}

/** The chat log as the customer sees it: each entry's role (from its class) and text. */
export async function widgetMessages(page) {
  return page.evaluate(() => {
    const host = [...document.querySelectorAll('*')].find((e) => e.shadowRoot?.querySelector('[role=log]'))
    if (!host) return []
    return [...host.shadowRoot.querySelectorAll('[role=log] > li')].map((li) => ({
      role: ['customer', 'ai', 'human', 'system'].find((r) => li.classList.contains(r)) ?? li.className,
      text: li.textContent,
    }))
  })
}
