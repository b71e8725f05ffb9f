import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { startBrowserHarness, type BrowserHarness, type BrowserUser } from '../support/browser'

describe('meeting page across a server restart', () => {
  let harness: BrowserHarness
  let facilitator: BrowserUser
  let meetingId: string

  beforeAll(async () => {
    harness = await startBrowserHarness()
    facilitator = await harness.newUser('Ada Facilitator')
    const teamId = await facilitator.api.createTeam('Grade 5 literacy')
    meetingId = await facilitator.api.createMeeting(teamId, 'Week 4 student work')
  })

  afterAll(async () => {
    await harness?.close()
  })

  test('reconnects and keeps both sides of the edit', async () => {
    const page = facilitator.page
    const status = page.locator('[data-status]')
    const notes = page.getByRole('textbox', { name: 'Discuss notes' })
    await page.goto(`/meetings/${meetingId}`)
    await expect.poll(() => status.getAttribute('data-status')).toBe('live')

    await notes.click()
    await page.keyboard.type('Before the restart.')
    await expect.poll(() => notes.innerText()).toContain('Before the restart.')

    const banner = page.locator('[data-banner="connection-lost"]')
    const timer = page.locator('.timer-panel')
    await harness.restartServer(async () => {
      await expect.poll(() => status.getAttribute('data-status')).toBe('reconnecting')
      await expect.poll(() => status.innerText()).toBe('Reconnecting…')
      await expect.poll(() => banner.innerText()).toContain('What you type is kept on this device')
      const lastKnown = 'Connection lost: showing the last known time'
      await expect.poll(() => timer.innerText()).toContain(lastKnown)
      // Typed while no server is listening; it must reach the server once the socket is back.
      await notes.click()
      await page.keyboard.press('End')
      await page.keyboard.type(' Typed while away.')
      // The banner stays in view while the user works further down the page.
      await page.getByRole('textbox', { name: 'Evaluate notes' }).scrollIntoViewIfNeeded()
      const box = await banner.boundingBox()
      expect(box!.y).toBeGreaterThanOrEqual(0)
      expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height)
    })

    await expect.poll(() => status.getAttribute('data-status'), { timeout: 15_000 }).toBe('live')
    await expect.poll(() => banner.count()).toBe(0)
    await expect.poll(() => timer.innerText()).not.toContain('Connection lost')
    await page.reload()
    await expect.poll(() => status.getAttribute('data-status')).toBe('live')
    await expect.poll(() => notes.innerText()).toContain('Before the restart. Typed while away.')
  })
})
