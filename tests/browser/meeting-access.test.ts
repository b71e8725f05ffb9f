import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { startBrowserHarness, type BrowserHarness, type BrowserUser } from '../support/browser'

function connectionStatus(page: Page) {
  return page.locator('[data-status]').getAttribute('data-status')
}

function notes(page: Page, phaseTitle = 'Review') {
  return page.getByRole('textbox', { name: `${phaseTitle} notes` })
}

async function openMeeting(page: Page, meetingId: string) {
  await page.goto(`/meetings/${meetingId}`)
  await expect.poll(() => connectionStatus(page)).toBe('live')
}

describe('meeting page access', () => {
  let harness: BrowserHarness
  let facilitator: BrowserUser
  let teamId: string
  let meetingId: string

  beforeAll(async () => {
    harness = await startBrowserHarness()
    facilitator = await harness.newUser('Ada Facilitator')
    teamId = await facilitator.api.createTeam('Grade 5 literacy')
    meetingId = await facilitator.api.createMeeting(teamId, 'Week 3 observation debrief')
  })

  afterAll(async () => {
    await harness?.close()
  })

  test('observer gets read-only notes', async () => {
    const observer = await harness.newUser('Olive Observer')
    await facilitator.api.addMember(teamId, observer.api, 'observer')
    await openMeeting(observer.page, meetingId)

    await observer.page.getByText('You are observing this meeting.').waitFor()
    expect(await notes(observer.page).getAttribute('contenteditable')).toBe('false')
    expect(await notes(observer.page).getAttribute('aria-readonly')).toBe('true')
    expect(await observer.page.getByRole('toolbar').first().isVisible()).toBe(false)
  })

  test('role change applies without reload', async () => {
    const member = await harness.newUser('Mo Member')
    await facilitator.api.addMember(teamId, member.api, 'member')
    await openMeeting(member.page, meetingId)
    expect(await notes(member.page).getAttribute('contenteditable')).toBe('true')

    const toObserver = await facilitator.api.request(
      'PATCH',
      `/api/teams/${teamId}/members/${member.api.user!.id}`,
      { role: 'observer' },
    )
    expect(toObserver.status).toBe(200)
    await expect.poll(() => notes(member.page).getAttribute('contenteditable')).toBe('false')
    await member.page.getByText('You are observing this meeting.').waitFor()

    const toMember = await facilitator.api.request(
      'PATCH',
      `/api/teams/${teamId}/members/${member.api.user!.id}`,
      { role: 'member' },
    )
    expect(toMember.status).toBe(200)
    await expect.poll(() => notes(member.page).getAttribute('contenteditable')).toBe('true')
    await expect.poll(() => member.page.getByText('You are observing').count()).toBe(0)
  })

  test('sign-out elsewhere closes the room', async () => {
    const member = await harness.newUser('Sam Member')
    await facilitator.api.addMember(teamId, member.api, 'member')
    await openMeeting(member.page, meetingId)

    // The API client shares the browser's session, so its logout is like another tab signing out.
    const logout = await member.api.request('POST', '/api/auth/logout')
    expect(logout.status).toBe(200)

    await expect.poll(() => connectionStatus(member.page)).toBe('closed')
    const alert = member.page.getByRole('alert')
    await expect
      .poll(() => alert.innerText())
      .toContain('You were signed out. Sign in again to keep editing.')
    expect(await notes(member.page).getAttribute('contenteditable')).toBe('true')

    const next = encodeURIComponent(`/meetings/${meetingId}`)
    await alert.locator(`a[href="/?next=${next}"]`).click()
    await member.page.getByRole('form', { name: 'Sign in' }).waitFor()
    expect(new URL(member.page.url()).searchParams.get('next')).toBe(`/meetings/${meetingId}`)
  })

  test('typing survives sign-out elsewhere', async () => {
    const member = await harness.newUser('Tess Member')
    await facilitator.api.addMember(teamId, member.api, 'member')
    await openMeeting(member.page, meetingId)
    const header = member.page.locator('.site-header')
    await header.getByRole('button', { name: 'Sign out' }).waitFor()

    await notes(member.page).click()
    await member.page.keyboard.type('Before.')
    const other = await member.context.newPage()
    await other.goto('/account')
    const logout = await other.evaluate(async () => {
      const response = await fetch('/api/auth/logout', { method: 'POST' })
      return response.status
    })
    expect(logout).toBe(200)
    await other.close()

    await expect.poll(() => connectionStatus(member.page)).toBe('closed')
    expect(await notes(member.page).getAttribute('contenteditable')).toBe('true')
    // Focus stays in the notes, so the keys typed next land there.
    await member.page.keyboard.type(' After.')
    await expect.poll(() => notes(member.page).innerText()).toContain('Before. After.')
    await header.getByRole('link', { name: 'Sign in' }).waitFor()
    expect(await header.getByRole('button', { name: 'Sign out' }).count()).toBe(0)
    expect(await header.innerText()).not.toContain('Tess Member')

    const signIn = member.page.getByRole('alert').getByRole('form', { name: 'Sign in' })
    await signIn.getByLabel('Email').fill(member.api.user!.email)
    await signIn.getByLabel('Password').fill('correct horse battery')
    await signIn.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => connectionStatus(member.page)).toBe('live')
    await header.getByRole('button', { name: 'Sign out' }).waitFor()
    const room = () => harness.server.services.rooms.get(meetingId)
    await expect
      .poll(() => room()?.doc.getXmlFragment('notes:review').toString())
      .toContain('Before. After.')
  })

  test('removal from the team closes the room', async () => {
    const member = await harness.newUser('Rita Member')
    await facilitator.api.addMember(teamId, member.api, 'member')
    await openMeeting(member.page, meetingId)

    const removed = await facilitator.api.request(
      'DELETE',
      `/api/teams/${teamId}/members/${member.api.user!.id}`,
    )
    expect(removed.status).toBe(200)

    await expect.poll(() => connectionStatus(member.page)).toBe('closed')
    await expect
      .poll(() => member.page.getByRole('alert').innerText())
      .toContain('You are no longer a member of this team.')
    expect(await notes(member.page).getAttribute('contenteditable')).toBe('false')
  })

  test('offline shows, then live again', async () => {
    const member = await harness.newUser('Omar Member')
    await facilitator.api.addMember(teamId, member.api, 'member')
    await openMeeting(member.page, meetingId)

    await member.context.setOffline(true)
    await expect.poll(() => connectionStatus(member.page)).toBe('offline')
    await member.context.setOffline(false)
    await expect.poll(() => connectionStatus(member.page)).toBe('live')
  })

  test('unknown meeting shows the error', async () => {
    await facilitator.page.goto('/meetings/no-such-meeting')
    await expect
      .poll(() => facilitator.page.getByRole('alert').innerText())
      .toContain('This meeting was not found.')
    const alert = facilitator.page.getByRole('alert')
    expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(0)
    await alert.getByRole('link', { name: 'Go to your teams' }).click()
    await facilitator.page.getByRole('heading', { level: 1, name: 'Your teams' }).waitFor()
  })

  test('ended meeting is read-only', async () => {
    const member = await harness.newUser('Eve Member')
    await facilitator.api.addMember(teamId, member.api, 'member')
    await openMeeting(member.page, meetingId)
    expect(await notes(member.page).getAttribute('contenteditable')).toBe('true')

    const ended = await facilitator.api.request('POST', `/api/meetings/${meetingId}/timer`, {
      action: 'end',
    })
    expect(ended.status).toBe(200)

    await member.page.getByText('This meeting has ended.').waitFor()
    await expect.poll(() => notes(member.page).getAttribute('contenteditable')).toBe('false')

    // Nothing on the page suggests the meeting still runs.
    await expect.poll(() => member.page.locator('.connection').innerText()).toBe('Ended')
    const timerPanel = member.page.locator('.timer-panel')
    await expect.poll(() => timerPanel.innerText()).toContain('Meeting ended')
    expect(await timerPanel.getByRole('timer').count()).toBe(0)
    expect(await timerPanel.innerText()).not.toMatch(/\d:\d\d/)
    const agenda = member.page.getByRole('navigation', { name: /Agenda/ })
    expect(await agenda.innerText()).not.toContain('upcoming')
    const later = member.page.locator('.agenda__phase[data-phase-id="evaluate"]')
    expect(await later.getAttribute('data-progress')).toBe('skipped')
    expect(await later.innerText()).toContain('not reached')
  })
})
