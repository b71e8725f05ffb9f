import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { startBrowserHarness, type BrowserHarness, type BrowserUser } from '../support/browser'

describe('shared timer in two browsers', () => {
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

    for (const user of [facilitator, member]) {
      await user.page.goto(`/meetings/${meetingId}`)
      await user.page.locator('[data-status="live"]').waitFor()
    }
  })

  afterAll(async () => {
    await harness?.close()
  })

  const timerText = (user: BrowserUser) => user.page.getByRole('timer').innerText()
  const panel = (user: BrowserUser) => user.page.locator('.timer-panel')
  const announcement = (user: BrowserUser) =>
    panel(user).locator('[aria-live="polite"]').innerText()

  test('shows the idle timer, with controls for the facilitator only', async () => {
    for (const user of [facilitator, member]) {
      await expect.poll(() => timerText(user)).toContain('5:00')
      await expect.poll(() => panel(user).innerText()).toContain('Not started')
      await expect.poll(() => panel(user).innerText()).toContain('Organize')
    }
    await facilitator.page.getByRole('button', { name: 'Start' }).waitFor()
    expect(await member.page.getByRole('group', { name: 'Timer controls' }).count()).toBe(0)
    await expect.poll(() => panel(member).innerText()).toContain('The facilitator runs the timer.')
  })

  test('facilitator starts and advances, the member follows', async () => {
    await facilitator.page.getByRole('button', { name: 'Start' }).click()
    for (const user of [facilitator, member]) {
      await expect.poll(() => panel(user).innerText()).toContain('Running')
      await expect.poll(() => timerText(user)).toMatch(/4:5\d|5:00/)
    }

    // The arrow key moves to the next phase outside any editor or field, even while the
    // Start button just clicked has the focus.
    await facilitator.page.keyboard.press('ArrowRight')
    for (const user of [facilitator, member]) {
      await expect.poll(() => panel(user).innerText()).toContain('Phase 2 of 5')
      await expect.poll(() => timerText(user)).toMatch(/14:5\d|15:00/)
      const current = user.page.locator('.agenda__phase[aria-current="step"]')
      await expect.poll(() => current.getAttribute('data-phase-id')).toBe('review')
      const organize = user.page.locator('.agenda__phase[data-phase-id="organize"]')
      await expect.poll(() => organize.getAttribute('data-progress')).toBe('done')
      const section = user.page.locator('section[data-phase-id="review"]')
      await expect.poll(() => section.getAttribute('aria-current')).toBe('step')
    }
    await expect.poll(() => announcement(member)).toContain('Phase 2 of 5: Review')
  })

  test('space pauses, and both pages show the same time', async () => {
    await facilitator.page.locator('body').click({ position: { x: 5, y: 5 } })
    await facilitator.page.keyboard.press(' ')
    for (const user of [facilitator, member]) {
      await expect.poll(() => panel(user).innerText()).toContain('Paused')
    }
    await expect
      .poll(async () => (await timerText(member)) === (await timerText(facilitator)))
      .toBe(true)

    await facilitator.page.getByRole('button', { name: 'Resume' }).click()
    for (const user of [facilitator, member]) {
      await expect.poll(() => panel(user).innerText()).toContain('Running')
      // The current phase is still going, so its time so far must not read as finished.
      const current = user.page.locator('.agenda__phase[aria-current="step"] .agenda__actual')
      await expect.poll(() => current.innerText()).toMatch(/^so far \d+:\d\d/)
      const done = user.page.locator('.agenda__phase[data-phase-id="organize"] .agenda__actual')
      await expect.poll(() => done.innerText()).toMatch(/^took \d+:\d\d/)
    }
  })

  test('typing while the phase advances keeps every letter in its phase', async () => {
    const reviewNotes = member.page.getByRole('textbox', { name: 'Review notes' })
    await reviewNotes.click()
    await member.page.keyboard.type('Students explain ')

    await facilitator.page.getByRole('button', { name: 'Next →' }).click()
    await expect.poll(() => panel(member).innerText()).toContain('Phase 3 of 5')
    await member.page.keyboard.type('their reasoning.')

    const expected = 'Students explain their reasoning.'
    await expect.poll(() => reviewNotes.innerText()).toContain(expected)
    const onFacilitator = facilitator.page.getByRole('textbox', { name: 'Review notes' })
    await expect.poll(() => onFacilitator.innerText()).toContain(expected)
    const discuss = member.page.getByRole('textbox', { name: 'Discuss notes' })
    expect(await discuss.innerText()).not.toContain('reasoning')

    // The typist was not moved; a button offers the way to the current phase.
    await member.page.getByRole('button', { name: 'Go to the current phase' }).click()
    const goToCurrent = panel(member).getByRole('button', { name: 'Go to the current phase' })
    await expect.poll(() => goToCurrent.count()).toBe(0)
  })

  test('a member cannot drive the timer by keyboard', async () => {
    const timerPath = `/api/meetings/${meetingId}/timer`
    const before = await member.api.request('GET', timerPath)
    await member.page.locator('body').click({ position: { x: 5, y: 5 } })
    await member.page.keyboard.press('ArrowRight')
    await member.page.keyboard.press(' ')

    // A facilitator's change after the key presses proves the member's page is still current.
    await facilitator.api.request('POST', timerPath, { action: 'extend', seconds: 60 })
    await expect.poll(() => timerText(member)).toMatch(/2[01]:\d\d/)
    const after = await member.api.request('GET', timerPath)
    expect(after.body.phaseIndex).toBe(before.body.phaseIndex)
    expect(after.body.status).toBe('running')
    expect(after.body.revision).toBe(before.body.revision + 1)
  })

  test('time up shows in words and is announced', async () => {
    const timerPath = `/api/meetings/${meetingId}/timer`
    const current = await facilitator.api.request('GET', timerPath)
    const seconds = -(Math.floor(current.body.remainingMs / 1000) - 2)
    await facilitator.api.request('POST', timerPath, { action: 'extend', seconds })

    for (const user of [facilitator, member]) {
      await expect.poll(() => panel(user).innerText(), { timeout: 10_000 }).toContain('Time is up')
      await expect.poll(() => timerText(user)).toMatch(/^\+0:0\d\s*over$/)
    }
    await expect.poll(() => announcement(member)).toContain('Time is up for Discuss.')
  })

  test('chime mute is kept per user across reloads', async () => {
    const mute = member.page.getByRole('checkbox', { name: 'Mute the chime' })
    await mute.check()
    await member.page.reload()
    await member.page.locator('[data-status="live"]').waitFor()
    const muteAfterReload = member.page.getByRole('checkbox', { name: 'Mute the chime' })
    expect(await muteAfterReload.isChecked()).toBe(true)
    const otherUserMute = facilitator.page.getByRole('checkbox', { name: 'Mute the chime' })
    expect(await otherUserMute.isChecked()).toBe(false)
  })

  test('presenter view shows the countdown large and closes', async () => {
    const page = facilitator.page
    await page.getByRole('button', { name: 'Presenter view' }).click()
    const dialog = page.getByRole('dialog', { name: 'Presenter view' })
    await dialog.waitFor()
    await expect.poll(() => dialog.innerText()).toContain('Phase 3 of 5')
    await expect.poll(() => dialog.getByRole('timer').innerText()).toMatch(/over|left/)

    await dialog.getByRole('button', { name: 'Close presenter view' }).click()
    await expect.poll(() => dialog.isVisible()).toBe(false)
  })

  test('a page whose clock is ten minutes ahead shows the same countdown', async () => {
    const skewed = await harness.newUser('Cleo Skewed')
    const meeting = await facilitator.api.request('GET', `/api/meetings/${meetingId}`)
    await facilitator.api.addMember(meeting.body.teamId, skewed.api, 'member')
    await skewed.page.clock.install({ time: Date.now() + 10 * 60_000 })
    await skewed.page.goto(`/meetings/${meetingId}`)
    await skewed.page.locator('[data-status="live"]').waitFor()

    // Seven and a half minutes left: ten minutes of skew would show as overtime if the page
    // used its own clock.
    const timerPath = `/api/meetings/${meetingId}/timer`
    const now = await facilitator.api.request('GET', timerPath)
    const extendBy = 7 * 60 + 30 - Math.round(now.body.remainingMs / 1000)
    await facilitator.api.request('POST', timerPath, { action: 'extend', seconds: extendBy })
    await expect.poll(() => timerText(skewed)).toMatch(/^7:[23]\d\s*left$/)

    const toSeconds = (text: string) => {
      const [minutes, rest] = text.replace(/\s*left$/, '').split(':')
      return Number(minutes) * 60 + Number(rest)
    }
    // Two displays read a moment apart can straddle a second boundary, hence one second.
    await expect
      .poll(async () => {
        const [mine, theirs] = await Promise.all([timerText(skewed), timerText(facilitator)])
        return Math.abs(toSeconds(mine) - toSeconds(theirs))
      })
      .toBeLessThanOrEqual(1)
    expect(skewed.errors).toEqual([])
  })

  test('reset and end ask in the page first', async () => {
    const page = facilitator.page
    const controls = page.getByRole('group', { name: 'Timer controls' })
    const reset = controls.getByRole('button', { name: 'Reset', exact: true })
    await reset.click()
    const question = controls.getByRole('alertdialog')
    await expect.poll(() => question.innerText()).toContain('Reset the timer to the first phase?')
    const focusInside = () => question.evaluate((node) => node.contains(document.activeElement))
    await expect.poll(focusInside).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => question.count()).toBe(0)
    await expect.poll(() => reset.evaluate((node) => node === document.activeElement)).toBe(true)
    await expect.poll(() => panel(member).innerText()).not.toContain('Phase 1 of 5')

    await controls.getByRole('button', { name: 'End meeting' }).click()
    await expect.poll(focusInside).toBe(true)
    await question.getByRole('button', { name: 'End meeting' }).click()
    for (const user of [facilitator, member]) {
      await expect.poll(() => panel(user).innerText()).toContain('Meeting ended')
    }
  })

  test('no page errors', () => {
    expect(facilitator.errors).toEqual([])
    expect(member.errors).toEqual([])
  })
})
