import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { startBrowserHarness, type BrowserHarness } from '../support/browser'

const shots = process.env.SCREENSHOT_DIR

describe('pages that cannot be shown', () => {
  let harness: BrowserHarness

  beforeAll(async () => {
    harness = await startBrowserHarness()
  })

  afterAll(async () => {
    await harness?.close()
  })

  for (const [path, name] of [
    ['/teams/nope', 'team'],
    ['/meetings/nope', 'meeting'],
  ] as const) {
    test(`unknown ${name} links to teams`, async () => {
      const { page } = await harness.newUser('Wanderer')
      await page.goto(path)

      const alert = page.getByRole('alert')
      await expect.poll(() => alert.innerText()).toMatch(new RegExp(`${name} was not found`, 'i'))
      expect(await alert.innerText()).toMatch(/link may be wrong|no longer exists|not a member/i)
      if (shots) await page.screenshot({ path: `${shots}/not-found-${name}.png` })
      expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0)
      await alert.getByRole('link', { name: 'Go to your teams' }).click()
      await page.getByRole('heading', { level: 1, name: 'Your teams' }).waitFor()
    })
  }

  test("other team's page links to teams", async () => {
    const owner = await harness.newUser('Owner')
    const teamId = await owner.api.createTeam('Private team')
    const { page } = await harness.newUser('Outsider')
    await page.goto(`/teams/${teamId}`)

    const alert = page.getByRole('alert')
    await expect.poll(() => alert.innerText()).toMatch(/team was not found/i)
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0)
    await alert.getByRole('link', { name: 'Go to your teams' }).waitFor()
  })
})
