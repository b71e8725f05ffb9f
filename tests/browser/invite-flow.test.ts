import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { ApiClient } from '../support/http'
import { startBrowserHarness, type BrowserHarness, type BrowserUser } from '../support/browser'

// Polls wait this long, because a loaded machine running the whole suite can be slow to
// reconnect and sync.
const slow = { timeout: 10_000 }

/** Console errors that only report an expected HTTP error status of a fetch. */
const failedResource =
  /Failed to load resource: the server responded with a status of (401|404|409|410)/

describe('invitation flow', () => {
  let harness: BrowserHarness
  let facilitator: BrowserUser
  let teamId: string
  let meetingId: string

  beforeAll(async () => {
    harness = await startBrowserHarness()
    facilitator = await harness.newUser('Ada Facilitator')
    teamId = await facilitator.api.createTeam('Grade 5 literacy')
    meetingId = await facilitator.api.createMeeting(teamId, 'Week 2 lesson tuning')
  })

  afterAll(async () => {
    await harness?.close()
  })

  test('link to live meeting', async () => {
    const { page } = facilitator
    await page.goto(`/teams/${teamId}`)
    const invitePanel = page.getByRole('group', { name: 'Invite people' })
    await invitePanel.getByLabel('Role').selectOption('member')
    await invitePanel.getByLabel('Link works for').selectOption('14')
    await invitePanel.getByLabel(/Single use/).check()
    await invitePanel.getByRole('button', { name: 'Copy invitation link' }).click()
    const linkInput = invitePanel.getByLabel('Invitation link')
    await linkInput.waitFor()
    const link = await linkInput.inputValue()
    expect(link).toMatch(new RegExp(`^${harness.server.url}/invites/\\w+$`))

    const openInvites = page.getByRole('list', { name: 'Open invitations' })
    await expect.poll(() => openInvites.innerText(), slow).toContain('Member, single use')

    // A new user opens the link, signs up on the invitation page and lands in the team.
    const guest = await harness.newGuest()
    await guest.page.goto(link)
    await guest.page.getByRole('heading', { level: 1, name: 'Join Grade 5 literacy' }).waitFor()
    const signUp = guest.page.getByRole('form', { name: 'Create an account' })
    await signUp.getByLabel('Name').fill('Ben Newcomer')
    await signUp.getByLabel('Email').fill(`ben-${Date.now()}@school.test`)
    await signUp.getByLabel('Password').fill('correct horse battery')
    await signUp.getByRole('button', { name: 'Create account' }).click()

    await guest.page
      .getByRole('heading', { level: 1, name: 'Grade 5 literacy', exact: true })
      .waitFor()
    expect(guest.page.url()).toBe(`${harness.server.url}/teams/${teamId}`)
    await expect
      .poll(() => guest.page.getByText('Your role:').innerText(), slow)
      .toContain('Member')
    await guest.page.getByText('Only facilitators can invite people').waitFor()
    await guest.page.getByRole('button', { name: 'Leave team' }).waitFor()

    // Both open the meeting and see each other's notes live.
    await guest.page.getByRole('link', { name: 'Week 2 lesson tuning' }).click()
    await page.goto(`/meetings/${meetingId}`)
    for (const each of [page, guest.page]) {
      await expect
        .poll(() => each.locator('[data-status]').getAttribute('data-status'), slow)
        .toBe('live')
    }
    await page.getByRole('textbox', { name: 'Review notes' }).click()
    await page.keyboard.type('Welcome, Ben.')
    const guestNotes = guest.page.getByRole('textbox', { name: 'Review notes' })
    await expect.poll(() => guestNotes.innerText(), slow).toContain('Welcome, Ben.')

    // The single-use link is spent; the facilitator's list no longer shows it.
    const late = await harness.newGuest()
    await late.page.goto(link)
    await expect
      .poll(() => late.page.getByRole('alert').innerText(), slow)
      .toContain('This invitation was already used')
    expect(await late.page.getByRole('button', { name: 'Try again' }).count()).toBe(0)
    await page.goto(`/teams/${teamId}`)
    await page.getByText('No open invitation links.').waitFor()

    expect(guest.errors.filter((line) => !failedResource.test(line))).toEqual([])
  })

  test('role change and removal reach the open meeting', async () => {
    const member = await harness.newUser('Cy Member')
    await facilitator.api.addMember(teamId, member.api, 'member')
    await member.page.goto(`/meetings/${meetingId}`)
    await expect
      .poll(() => member.page.locator('[data-status]').getAttribute('data-status'), slow)
      .toBe('live')

    await facilitator.page.goto(`/teams/${teamId}`)
    await facilitator.page.getByLabel('Role of Cy Member').selectOption('observer')
    await expect
      .poll(() => facilitator.page.getByRole('status').allInnerTexts(), slow)
      .toContain('Cy Member is now observer.')
    await member.page.getByText('You are observing this meeting').waitFor()

    // The last facilitator cannot step down; the server's reason is shown.
    await facilitator.page.getByLabel('Role of Ada Facilitator').selectOption('member')
    await expect
      .poll(() => facilitator.page.getByRole('alert').allInnerTexts(), slow)
      .toContainEqual(expect.stringContaining('at least one facilitator'))
    expect(await facilitator.page.getByLabel('Role of Ada Facilitator').inputValue()).toBe(
      'facilitator',
    )

    await facilitator.page.getByRole('button', { name: 'Remove Cy Member' }).click()
    await facilitator.page.getByRole('button', { name: 'Yes, remove Cy Member' }).click()
    await member.page.getByText('You are no longer a member of this team.').waitFor()
    await expect
      .poll(() => facilitator.page.getByRole('list', { name: 'Members' }).innerText(), slow)
      .not.toContain('Cy Member')
  })

  test('signed-out meeting keeps the notes and reconnects after sign-in', async () => {
    const member = await harness.newUser('Dee Member')
    await facilitator.api.addMember(teamId, member.api, 'member')
    await member.page.goto(`/meetings/${meetingId}`)
    await expect
      .poll(() => member.page.locator('[data-status]').getAttribute('data-status'), slow)
      .toBe('live')
    const notes = member.page.getByRole('textbox', { name: 'Discuss notes' })
    await notes.click()
    await member.page.keyboard.type('Draft from Dee.')

    // The session ends outside this page, as when another tab with the same cookie signs out.
    const sameSession = new ApiClient(harness.server.url)
    sameSession.cookie = member.api.cookie
    await sameSession.request('POST', '/api/auth/logout')

    const banner = member.page.getByRole('alert').filter({ hasText: 'You were signed out' })
    await banner.waitFor()
    expect(await notes.innerText()).toContain('Draft from Dee.')

    const signIn = banner.getByRole('form', { name: 'Sign in' })
    await signIn.getByLabel('Email').fill(member.api.user!.email)
    await signIn.getByLabel('Password').fill('correct horse battery')
    await signIn.getByRole('button', { name: 'Sign in' }).click()

    await expect
      .poll(() => member.page.locator('[data-status]').getAttribute('data-status'), slow)
      .toBe('live')
    await banner.waitFor({ state: 'detached' })
    await notes.click()
    await member.page.keyboard.press('End')
    await member.page.keyboard.type(' Added after signing in.')

    await facilitator.page.goto(`/meetings/${meetingId}`)
    const facilitatorNotes = facilitator.page.getByRole('textbox', { name: 'Discuss notes' })
    await expect
      .poll(() => facilitatorNotes.innerText(), slow)
      .toContain('Draft from Dee. Added after signing in.')
  })

  test('unsent edits survive the sign-in page', async () => {
    const member = await harness.newUser('Flo Member')
    await facilitator.api.addMember(teamId, member.api, 'member')

    // Messages from the page can be dropped on the way, as on a failing network.
    let dropping = false
    await member.page.routeWebSocket(/\/rooms\//, (socket) => {
      const server = socket.connectToServer()
      socket.onMessage((message) => {
        if (!dropping) server.send(message)
      })
      server.onMessage((message) => socket.send(message))
    })
    await member.page.goto(`/meetings/${meetingId}`)
    await expect
      .poll(() => member.page.locator('[data-status]').getAttribute('data-status'), slow)
      .toBe('live')

    dropping = true
    await member.page.getByRole('textbox', { name: 'Evaluate notes' }).click()
    await member.page.keyboard.type('Typed while the network failed.')
    const room = harness.server.services.rooms.get(meetingId)!
    expect(room.doc.getXmlFragment('notes:evaluate').toString()).not.toContain('network failed')

    const sameSession = new ApiClient(harness.server.url)
    sameSession.cookie = member.api.cookie
    await sameSession.request('POST', '/api/auth/logout')
    const banner = member.page.getByRole('alert').filter({ hasText: 'You were signed out' })
    await banner.waitFor()
    dropping = false

    await banner.getByRole('link', { name: 'Sign in again on the sign-in page' }).click()
    const signIn = member.page.getByRole('form', { name: 'Sign in' })
    await signIn.getByLabel('Email').fill(member.api.user!.email)
    await signIn.getByLabel('Password').fill('correct horse battery')
    await signIn.getByRole('button', { name: 'Sign in' }).click()

    await member.page.getByRole('textbox', { name: 'Evaluate notes' }).waitFor()
    expect(member.page.url()).toBe(`${harness.server.url}/meetings/${meetingId}`)
    await expect
      .poll(() => member.page.locator('[data-status]').getAttribute('data-status'), slow)
      .toBe('live')
    await expect
      .poll(
        () =>
          harness.server.services.rooms
            .get(meetingId)
            ?.doc.getXmlFragment('notes:evaluate')
            .toString() ?? '',
        slow,
      )
      .toContain('Typed while the network failed.')
  })
})

describe('account page', () => {
  let harness: BrowserHarness

  beforeAll(async () => {
    harness = await startBrowserHarness()
  })

  afterAll(async () => {
    await harness?.close()
  })

  test('ends another device session', async () => {
    const user = await harness.newUser('Eve Teacher')
    const phone = new ApiClient(harness.server.url)
    const login = await phone.request(
      'POST',
      '/api/auth/login',
      { email: user.api.user!.email, password: 'correct horse battery' },
      { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1' },
    )
    expect(login.status).toBe(200)

    await user.page.goto('/')
    await user.page.getByRole('link', { name: 'Eve Teacher' }).click()
    await user.page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor()
    const sessions = user.page.getByRole('list', { name: 'Sessions' })
    await expect.poll(() => sessions.getByRole('listitem').count(), slow).toBe(2)
    await expect.poll(() => sessions.innerText(), slow).toContain('Safari on iOS')

    await sessions.getByRole('button', { name: /Sign out Safari on iOS/ }).click()
    await expect.poll(() => sessions.getByRole('listitem').count(), slow).toBe(1)
    await expect.poll(() => sessions.innerText(), slow).toContain('(this device)')
    expect((await phone.request('GET', '/api/me')).status).toBe(401)
  })
})
