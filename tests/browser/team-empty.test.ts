import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { startBrowserHarness, type BrowserHarness } from '../support/browser'

const shots = process.env.SCREENSHOT_DIR

describe('empty meeting list', () => {
  let harness: BrowserHarness
  let teamId: string
  let facilitator: Awaited<ReturnType<BrowserHarness['newUser']>>

  beforeAll(async () => {
    harness = await startBrowserHarness()
    facilitator = await harness.newUser('Fran Facilitator')
    teamId = await facilitator.api.createTeam('Grade 2')
  })

  afterAll(async () => {
    await harness?.close()
  })

  async function emptyText(page: typeof facilitator.page) {
    await page.goto(`/teams/${teamId}`)
    const meetings = page.getByRole('region', { name: 'Meetings' })
    const empty = meetings.getByText(/^No meetings yet/)
    await empty.waitFor()
    return empty.innerText()
  }

  test('member is pointed to the form', async () => {
    const member = await harness.newUser('Mo Member')
    await facilitator.api.addMember(teamId, member.api, 'member')

    expect(await emptyText(member.page)).toBe('No meetings yet. Start one with the form.')
    await member.page.getByRole('form', { name: 'Start a meeting' }).waitFor()
  })

  test('observer is not pointed to a form', async () => {
    const observer = await harness.newUser('Olu Observer')
    await facilitator.api.addMember(teamId, observer.api, 'observer')

    const text = await emptyText(observer.page)
    expect(text).not.toMatch(/form/)
    expect(text).toBe('No meetings yet. Meetings that members start are listed here to follow.')
    expect(await observer.page.getByRole('form', { name: 'Start a meeting' }).count()).toBe(0)
    if (shots) await observer.page.screenshot({ path: `${shots}/observer-empty.png` })
  })
})
