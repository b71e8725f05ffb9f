import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { startBrowserHarness, type BrowserHarness, type BrowserUser } from '../support/browser'

describe('meeting page with two users', () => {
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
  })

  afterAll(async () => {
    await harness?.close()
  })

  test('both see each other live', async () => {
    const pages = [facilitator.page, member.page]
    for (const page of pages) await page.goto(`/meetings/${meetingId}`)

    for (const page of pages) {
      await page.getByRole('heading', { level: 1, name: 'Week 2 lesson tuning' }).waitFor()
      const status = page.locator('[data-status]')
      await expect.poll(() => status.getAttribute('data-status')).toBe('live')
      await expect.poll(() => status.innerText()).toBe('Live')
    }

    // Both type into the same phase; each must see the other's text arrive through the server.
    const facilitatorNotes = facilitator.page.getByRole('textbox', { name: 'Review notes' })
    const memberNotes = member.page.getByRole('textbox', { name: 'Review notes' })
    await facilitatorNotes.click()
    await facilitator.page.keyboard.type('Focus question: do students explain their reasoning?')
    await expect.poll(() => memberNotes.innerText()).toContain('Focus question')

    await memberNotes.click()
    await member.page.keyboard.press('End')
    await member.page.keyboard.press('Enter')
    await member.page.keyboard.type('Warm: the exit ticket checks the goal.')
    await expect.poll(() => facilitatorNotes.innerText()).toContain('Warm: the exit ticket')
    await expect.poll(() => memberNotes.innerText()).toContain('Focus question')

    // The member's caret, labelled with their name, shows in the facilitator's editor.
    const memberCaret = facilitator.page
      .locator('[data-phase-id="review"] .collaboration-carets__label')
      .filter({ hasText: 'Ben Member' })
    await memberCaret.waitFor()

    // Other phases keep their own notes.
    await expect
      .poll(() => facilitator.page.getByRole('textbox', { name: 'Discuss notes' }).innerText())
      .not.toContain('Focus question')
  })

  test('presence lists both names once', async () => {
    for (const page of [facilitator.page, member.page]) {
      const presence = page.getByRole('list', { name: /here now/ })
      await expect.poll(() => presence.getByRole('listitem').count()).toBe(2)
      await expect.poll(() => presence.innerText()).toContain('Ada Facilitator')
      await expect.poll(() => presence.innerText()).toContain('Ben Member')
    }

    // A second tab of the same user is still one person in the list.
    const secondTab = await member.context.newPage()
    await secondTab.goto(`/meetings/${meetingId}`)
    const secondStatus = secondTab.locator('[data-status]')
    await expect.poll(() => secondStatus.getAttribute('data-status')).toBe('live')
    const presence = facilitator.page.getByRole('list', { name: /here now/ })
    await expect.poll(() => presence.getByRole('listitem').count()).toBe(2)
    await secondTab.close()
  })

  test('notes survive a reload', async () => {
    await member.page.reload()
    const memberNotes = member.page.getByRole('textbox', { name: 'Review notes' })
    await expect.poll(() => memberNotes.innerText()).toContain('Focus question')
    await expect.poll(() => memberNotes.innerText()).toContain('Warm: the exit ticket')
  })

  test('toolbar formats shared notes', async () => {
    const page = facilitator.page
    const notes = page.getByRole('textbox', { name: 'Evaluate notes' })
    const toolbar = page.getByRole('toolbar', { name: 'Formatting for Evaluate notes' })
    const bold = toolbar.getByRole('button', { name: 'Bold' })

    await notes.click()
    await bold.click()
    expect(await bold.getAttribute('aria-pressed')).toBe('true')
    await page.keyboard.type('Keep the exit ticket')
    await toolbar.getByRole('button', { name: 'Bulleted list' }).click()

    const memberNotes = member.page.getByRole('textbox', { name: 'Evaluate notes' })
    await expect
      .poll(() => memberNotes.innerHTML())
      .toContain('<strong>Keep the exit ticket</strong>')
    await expect.poll(() => memberNotes.locator('ul > li').count()).toBe(1)

    // Arrow keys move between the toolbar's buttons.
    await bold.focus()
    await page.keyboard.press('ArrowRight')
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))
    expect(focused).toBe('Italic')

    // The whole toolbar is one Tab stop: Tab leaves it for the notes it formats.
    await page.keyboard.press('Tab')
    const afterTab = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))
    expect(afterTab).toBe('Evaluate notes')
    expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1)
    expect(await toolbar.locator('button[tabindex="0"]').getAttribute('aria-label')).toBe('Italic')
  })

  test('pages log no errors', () => {
    expect(facilitator.errors).toEqual([])
    expect(member.errors).toEqual([])
  })
})
