import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { startBrowserHarness, type BrowserHarness } from '../support/browser'
import { ApiClient } from '../support/http'

const shots = process.env.SCREENSHOT_DIR
const lockWarning = /Repeated failed attempts lock sign-in/

describe('sign-in help', () => {
  let harness: BrowserHarness

  beforeAll(async () => {
    harness = await startBrowserHarness()
  })

  afterAll(async () => {
    await harness?.close()
  })

  async function signInForm() {
    const { page } = await harness.newGuest()
    await page.goto('/')
    return { page, form: page.getByRole('form', { name: 'Sign in' }) }
  }

  async function attempt(form: Awaited<ReturnType<typeof signInForm>>['form'], email: string) {
    await form.getByLabel('Email').fill(email)
    await form.getByLabel('Password').fill('not the password')
    await form.getByRole('button', { name: 'Sign in' }).click()
  }

  test('forgotten password names helpers', async () => {
    const { form } = await signInForm()
    await form.getByText(/Forgot your password\?/).waitFor()
    expect(await form.innerText()).toMatch(/ask a facilitator of your team or the administrator/)
    expect(await form.getByText(lockWarning).count()).toBe(0)
  })

  test('same warning for unknown emails', async () => {
    const known = await new ApiClient(harness.server.url).signup('Known')
    const warnings = []
    for (const email of [known.user!.email, 'nobody-here@school.test']) {
      const { form } = await signInForm()
      await attempt(form, email)
      await expect
        .poll(() => form.getByRole('alert').innerText())
        .toBe('Invalid email or password.')
      warnings.push(await form.getByRole('note').innerText())
    }
    expect(warnings[0]).toMatch(lockWarning)
    expect(warnings[1]).toBe(warnings[0])
  })

  test('lockout wait in minutes', async () => {
    const known = await new ApiClient(harness.server.url).signup('Locked')
    const { page, form } = await signInForm()
    // The server allows five attempts per account in fifteen minutes by default.
    for (let i = 0; i < 5; i++) {
      await attempt(form, known.user!.email)
      await expect
        .poll(() => form.getByRole('alert').innerText())
        .toBe('Invalid email or password.')
    }
    await attempt(form, known.user!.email)

    await expect
      .poll(() => form.getByRole('alert').innerText())
      .toBe('Too many sign-in attempts; try again in 15 minutes.')
    expect(await form.getByRole('note').innerText()).toMatch(lockWarning)
    if (shots) await page.screenshot({ path: `${shots}/sign-in-locked.png` })
  })
})
