// Starts Debian's chromium through playwright-core. Playwright never downloads a browser here; the flags keep
// chromium from reaching for the network, which this machine's closed network would refuse.
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const baseUrl = (process.env.SWITCHBOARD_URL ?? 'http://localhost:8080').replace(/\/$/, '')
export const demoPassword = process.env.SWITCHBOARD_DEMO_PASSWORD ?? ''
const repository = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  })
}

/** Saves a screenshot under docs/screenshots/ (the repository keeps the ones its docs show). */
export async function screenshot(page, name) {
  const dir = join(repository, 'docs', 'screenshots')
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
}

/** Signs in through the dashboard's login form. */
export async function signIn(page, email, password = demoPassword, language = 'en') {
  await page.goto(`${baseUrl}/app/login`)
  await page.evaluate((l) => window.localStorage.setItem('switchboard.language', l), language)
  await page.reload()
  await page.getByLabel(language === 'es' ? 'Correo electrónico' : 'Email').fill(email)
  await page.locator('input[type=password]').fill(password)
  await page.getByRole('button', { name: language === 'es' ? 'Entrar' : 'Sign in' }).click()
}
