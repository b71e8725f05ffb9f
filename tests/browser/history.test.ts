import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { startBrowserHarness, type BrowserHarness, type BrowserUser } from '../support/browser'

describe('meeting history in the browser', () => {
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

  test('opens a snapshot and restores it', async () => {
    const pages = [facilitator.page, member.page]
    for (const page of pages) {
      await page.goto(`/meetings/${meetingId}`)
      const status = page.locator('[data-status]')
      await expect.poll(() => status.getAttribute('data-status')).toBe('live')
    }
    const facilitatorNotes = facilitator.page.getByRole('textbox', { name: 'Review notes' })
    const memberNotes = member.page.getByRole('textbox', { name: 'Review notes' })

    await facilitatorNotes.click()
    await facilitator.page.keyboard.type('Version one of the focus question')
    await expect.poll(() => memberNotes.innerText()).toContain('Version one')

    // The member saves a labelled snapshot; both history lists show it.
    await member.page.getByLabel('Snapshot label').fill('Before changes')
    await member.page.getByRole('button', { name: 'Save snapshot' }).click()
    await member.page.getByRole('status').filter({ hasText: 'Snapshot saved.' }).waitFor()
    const facilitatorHistory = facilitator.page.getByRole('list', { name: 'Snapshots' })
    await facilitatorHistory.getByRole('button', { name: /Before changes/ }).waitFor()
    await expect
      .poll(() => facilitatorHistory.getByRole('button', { name: /Before changes/ }).innerText())
      .toContain('Ben Member')

    await facilitatorNotes.click()
    await facilitator.page.keyboard.press('End')
    await facilitator.page.keyboard.press('Enter')
    await facilitator.page.keyboard.type('Version two replaces it')
    await expect.poll(() => memberNotes.innerText()).toContain('Version two')

    // Opening the snapshot shows its notes read-only, beside the live notes.
    await facilitatorHistory.getByRole('button', { name: /Before changes/ }).click()
    const view = facilitator.page.getByRole('dialog', { name: 'Before changes' })
    const snapshotReview = view.getByRole('region', { name: 'Review notes' })
    await expect
      .poll(() => snapshotReview.innerText())
      .toContain('Version one of the focus question')
    expect(await snapshotReview.innerText()).not.toContain('Version two')
    expect(await view.getByRole('textbox').count()).toBe(0)
    expect(await facilitatorNotes.innerText()).toContain('Version two')

    // Members see no restore button.
    const memberHistory = member.page.getByRole('list', { name: 'Snapshots' })
    await memberHistory.getByRole('button', { name: /Before changes/ }).click()
    const memberView = member.page.getByRole('dialog', { name: 'Before changes' })
    await memberView.getByRole('region', { name: 'Review notes' }).waitFor()
    expect(await memberView.getByRole('button', { name: 'Restore this snapshot' }).count()).toBe(0)
    await memberView.getByRole('button', { name: 'Close' }).click()

    // The facilitator restores after confirming; both live editors converge to the snapshot.
    // The question takes the focus; Escape cancels it and leaves the snapshot open.
    const restoreButton = view.getByRole('button', { name: 'Restore this snapshot' })
    await restoreButton.click()
    const question = view.getByRole('alertdialog')
    const focusInside = () => question.evaluate((node) => node.contains(document.activeElement))
    await expect.poll(focusInside).toBe(true)
    await facilitator.page.keyboard.press('Escape')
    await expect.poll(() => question.count()).toBe(0)
    expect(await view.isVisible()).toBe(true)
    const restoreFocused = () => restoreButton.evaluate((node) => node === document.activeElement)
    await expect.poll(restoreFocused).toBe(true)
    await restoreButton.click()
    await question.getByRole('button', { name: 'Restore' }).click()
    for (const notes of [facilitatorNotes, memberNotes]) {
      await expect.poll(() => notes.innerText()).not.toContain('Version two')
      expect(await notes.innerText()).toContain('Version one of the focus question')
    }
    const restoredStatus = '“Before changes” was restored.'
    await member.page.getByRole('status').filter({ hasText: restoredStatus }).waitFor()

    // The state before the restore is listed, so the restore can be undone.
    await facilitatorHistory
      .getByRole('button', { name: /Before restoring "Before changes"/ })
      .waitFor()

    // Editing goes on after the restore.
    await memberNotes.click()
    await member.page.keyboard.press('End')
    await member.page.keyboard.type(', tuned')
    await expect.poll(() => facilitatorNotes.innerText()).toContain('question, tuned')

    expect(facilitator.errors).toEqual([])
    expect(member.errors).toEqual([])
  })

  test('ended meeting offers reopen', async () => {
    const ended = await facilitator.api.request('POST', `/api/meetings/${meetingId}/timer`, {
      action: 'end',
    })
    expect(ended.status).toBe(200)

    const memberNotes = member.page.getByRole('textbox', { name: 'Review notes' })
    for (const page of [facilitator.page, member.page]) {
      await page.getByText('This meeting has ended and is read-only.').waitFor()
      await expect.poll(() => page.getByLabel('Snapshot label').count()).toBe(0)
    }
    await expect.poll(() => memberNotes.getAttribute('contenteditable')).toBe('false')
    expect(await member.page.getByRole('button', { name: 'Reopen meeting' }).count()).toBe(0)

    // The automatic snapshot taken at the end appears in the list.
    await member.page
      .getByRole('list', { name: 'Snapshots' })
      .getByRole('button', { name: /Meeting ended/ })
      .waitFor()

    await facilitator.page.getByRole('button', { name: 'Reopen meeting' }).click()
    await expect.poll(() => memberNotes.getAttribute('contenteditable')).toBe('true')
    await member.page.getByLabel('Snapshot label').waitFor()
    expect(await member.page.getByText('This meeting has ended and is read-only.').count()).toBe(0)
  })

  test('exports the record from the history panel', async () => {
    const page = member.page
    const markdownLink = page.getByRole('link', { name: 'Download Markdown' }).first()
    const href = await markdownLink.getAttribute('href')
    expect(href).toContain(`/api/meetings/${meetingId}/export?format=md`)

    const markdown = await member.context.request.get(href!)
    expect(markdown.status()).toBe(200)
    expect(markdown.headers()['content-type']).toBe('text/markdown; charset=utf-8')
    expect(await markdown.text()).toContain('# Week 2 lesson tuning')

    const printable = page.getByRole('link', { name: 'Printable record' }).first()
    const [popup] = await Promise.all([member.context.waitForEvent('page'), printable.click()])
    await popup.getByRole('button', { name: 'Print or save as PDF' }).waitFor()
    expect(await popup.getByRole('heading', { level: 1 }).innerText()).toBe('Week 2 lesson tuning')
    await popup.close()
  })
})
