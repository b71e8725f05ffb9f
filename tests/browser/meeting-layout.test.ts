import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { startBrowserHarness, type BrowserHarness, type BrowserUser } from '../support/browser'

async function openMeeting(page: Page, meetingId: string) {
  await page.goto(`/meetings/${meetingId}`)
  await page.locator('[data-status="live"]').waitFor()
}

/** Returns the element's top on the page, independent of the scroll position. */
function pageTop(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => element.getBoundingClientRect().top + window.scrollY)
}

describe('meeting page layout', () => {
  let harness: BrowserHarness
  let facilitator: BrowserUser
  let member: BrowserUser
  let meetingId: string

  beforeAll(async () => {
    harness = await startBrowserHarness()
    facilitator = await harness.newUser('Ada Facilitator')
    member = await harness.newUser('Ben Member')
    const teamId = await facilitator.api.createTeam('Grade 5 literacy')
    await facilitator.api.addMember(teamId, member.api, 'member')
    meetingId = await facilitator.api.createMeeting(teamId, 'Week 2 lesson tuning')
    await facilitator.api.request('POST', `/api/meetings/${meetingId}/timer`, {
      action: 'goto',
      phaseIndex: 2,
    })
  })

  afterAll(async () => {
    await harness?.close()
  })

  test('phone layout puts the notes first', async () => {
    const page = facilitator.page
    await page.setViewportSize({ width: 390, height: 844 })
    await openMeeting(page, meetingId)

    const notesTop = await pageTop(page, 'section[data-phase-id="discuss"]')
    expect(notesTop).toBeLessThan(844)
    for (const panel of ['.cards-panel', '.timer-panel']) {
      expect(await pageTop(page, panel)).toBeGreaterThan(notesTop)
    }
    expect(await pageTop(page, 'section[data-phase-id="discuss"]')).toBeLessThan(
      await pageTop(page, 'section[data-phase-id="organize"]'),
    )

    const compact = page.locator('[data-compact-timer]')
    await expect.poll(() => compact.innerText()).toMatch(/Discuss[\s\S]*\d+:\d\d left/)
    await page.getByRole('textbox', { name: 'Evaluate notes' }).scrollIntoViewIfNeeded()
    const box = await compact.boundingBox()
    expect(box!.y).toBeGreaterThanOrEqual(0)
    expect(box!.y).toBeLessThan(100)

    expect(await page.getByText('Space: pause or resume').isVisible()).toBe(false)
  })

  test('caret label keeps the phone width', async () => {
    const page = facilitator.page
    await page.setViewportSize({ width: 390, height: 844 })
    await openMeeting(page, meetingId)
    await openMeeting(member.page, meetingId)

    // The member's caret sits at the end of a line that fills the phone's width.
    await member.page.getByRole('textbox', { name: 'Evaluate notes' }).click()
    await member.page.keyboard.type('Each group brings two student samples next week to compare')
    const label = page.locator('.collaboration-carets__label')
    await label.first().waitFor()
    await label.first().scrollIntoViewIfNeeded()
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }))
    expect(widths.scroll).toBeLessThanOrEqual(widths.client)
  })

  test('focus clears the sticky timer', async () => {
    const page = facilitator.page
    await page.setViewportSize({ width: 1400, height: 900 })
    await openMeeting(page, meetingId)
    const cards = page.getByRole('region', { name: 'Feedback cards' })
    await cards.getByLabel('Card text').fill('The hook connected to students’ lives')
    // Scrolled down, the sticky timer covers the upper part of the column.
    await page.mouse.wheel(0, 600)
    await page.waitForFunction(() => window.scrollY > 0)

    await cards.getByLabel('Card text').focus()
    await page.keyboard.press('Tab')
    const post = cards.getByRole('button', { name: 'Post card' })
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Post card'))
    const button = await post.boundingBox()
    const timer = await page.locator('.timer-panel').boundingBox()
    const clear = button!.y >= timer!.y + timer!.height || button!.y + button!.height <= timer!.y
    expect(clear).toBe(true)
  })

  test('skip link focuses the timer', async () => {
    const page = facilitator.page
    await page.setViewportSize({ width: 1400, height: 900 })
    await openMeeting(page, meetingId)
    await page.getByRole('link', { name: 'Skip to timer' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('timer-panel')
  })

  test('no page errors', () => {
    expect(facilitator.errors).toEqual([])
    expect(member.errors).toEqual([])
  })
})
