import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { ApiClient } from '../support/http'
import { startBrowserHarness, type BrowserHarness } from '../support/browser'

/** Console errors that only report an expected HTTP error status of a fetch. */
const failedResource =
  /Failed to load resource: the server responded with a status of (400|401|404|410)/

describe('pages', () => {
  let harness: BrowserHarness

  beforeAll(async () => {
    harness = await startBrowserHarness()
  })

  afterAll(async () => {
    await harness?.close()
  })

  test('sign up, create team and meeting', async () => {
    const { page, errors } = await harness.newGuest()
    await page.goto('/')

    const signUp = page.getByRole('form', { name: 'Create an account' })
    await signUp.getByLabel('Name').fill('Grace Hopper')
    await signUp.getByLabel('Email').fill(`grace-${Date.now()}@school.test`)
    await signUp.getByLabel('Password').fill('correct horse battery')
    await signUp.getByRole('button', { name: 'Create account' }).click()

    await page.getByRole('heading', { level: 1, name: 'Your teams' }).waitFor()
    await page.getByText('You are not in a team yet').waitFor()
    await page.getByRole('banner').getByText('Grace Hopper').waitFor()

    const createTeam = page.getByRole('form', { name: 'Create a team' })
    await createTeam.getByLabel('Team name').fill('Grade 3 math')
    await createTeam.getByRole('button', { name: 'Create team' }).click()

    await page.getByRole('heading', { level: 1, name: 'Grade 3 math' }).waitFor()
    expect(page.url()).toMatch(/\/teams\/\w+$/)
    await page.getByText('No meetings yet').waitFor()
    await expect
      .poll(() => page.getByRole('list', { name: 'Members' }).innerText())
      .toContain('Grace Hopper (you)')

    const startMeeting = page.getByRole('form', { name: 'Start a meeting' })
    await startMeeting.getByLabel('Title').fill('Fractions lesson tuning')
    await startMeeting.getByLabel('Protocol').selectOption('vital-lesson-tuning')
    await startMeeting.getByRole('button', { name: 'Start meeting' }).click()

    await page.getByRole('heading', { level: 1, name: 'Fractions lesson tuning' }).waitFor()
    expect(page.url()).toMatch(/\/meetings\/\w+$/)
    await expect.poll(() => page.title()).toBe('Fractions lesson tuning · PLC Room')
    await expect.poll(() => page.locator('[data-status]').getAttribute('data-status')).toBe('live')
    const phases = page.locator('section.phase h2')
    await expect
      .poll(() => phases.allInnerTexts())
      .toEqual(['1. Organize', '2. Review', '3. Discuss', '4. Evaluate', '5. Recap next steps'])
    await page.getByRole('textbox', { name: 'Organize notes' }).waitFor()

    // The team page lists the new meeting.
    await page.getByRole('link', { name: /Grade 3 math/ }).click()
    await page.getByRole('link', { name: 'Fractions lesson tuning' }).waitFor()
    // Focus moves to the new page's content instead of staying on the vanished link.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main')

    expect(errors.filter((line) => !failedResource.test(line))).toEqual([])
  })

  test('wrong password shows the error', async () => {
    const user = await new ApiClient(harness.server.url).signup('Katherine')
    const { page } = await harness.newGuest()
    await page.goto('/')

    const signIn = page.getByRole('form', { name: 'Sign in' })
    await signIn.getByLabel('Email').fill(user.user!.email)
    await signIn.getByLabel('Password').fill('not the password')
    await signIn.getByRole('button', { name: 'Sign in' }).click()

    await expect
      .poll(() => signIn.getByRole('alert').innerText())
      .toBe('Invalid email or password.')
    // What the user typed stays in the form.
    expect(await signIn.getByLabel('Email').inputValue()).toBe(user.user!.email)
    expect(await page.getByRole('heading', { name: 'Your teams' }).count()).toBe(0)
  })

  test('sign-up errors sit next to their field', async () => {
    const { page } = await harness.newGuest()
    await page.goto('/')
    const signUp = page.getByRole('form', { name: 'Create an account' })

    await signUp.getByRole('button', { name: 'Create account' }).click()
    for (const label of ['Name', 'Email', 'Password']) {
      await expect.poll(() => signUp.getByLabel(label).getAttribute('aria-invalid')).toBe('true')
    }

    await signUp.getByLabel('Name').fill('Dorothy')
    await signUp.getByLabel('Email').fill('dorothy@school.test')
    await signUp.getByLabel('Password').fill('short')
    await signUp.getByRole('button', { name: 'Create account' }).click()

    const password = signUp.getByLabel('Password')
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true')
    await expect
      .poll(() => signUp.locator('.field__error').allInnerTexts())
      .toEqual(['Must be at least 8 characters.'])
    expect(await signUp.getByLabel('Name').getAttribute('aria-invalid')).toBeNull()
    expect(await signUp.getByLabel('Email').inputValue()).toBe('dorothy@school.test')
  })

  test('signed-out deep link returns after sign-in', async () => {
    const owner = await new ApiClient(harness.server.url).signup('Mary')
    const teamId = await owner.createTeam('Science department')
    const { page } = await harness.newGuest()

    await page.goto(`/teams/${teamId}`)
    const signIn = page.getByRole('form', { name: 'Sign in' })
    await signIn.waitFor()
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/teams/${teamId}`)

    await signIn.getByLabel('Email').fill(owner.user!.email)
    await signIn.getByLabel('Password').fill('correct horse battery')
    await signIn.getByRole('button', { name: 'Sign in' }).click()

    await page.getByRole('heading', { level: 1, name: 'Science department' }).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/teams/${teamId}`)

    // Signed in, the same sign-in link goes straight on to the page.
    await page.goto(`/?next=${encodeURIComponent(`/teams/${teamId}`)}`)
    await page.getByRole('heading', { level: 1, name: 'Science department' }).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/teams/${teamId}`)
  })

  test('invitation link adds a new member', async () => {
    const facilitator = await harness.newUser('Rosalind')
    const teamId = await facilitator.api.createTeam('Biology team')
    await facilitator.page.goto(`/teams/${teamId}`)

    const invite = facilitator.page.getByRole('group', { name: 'Invite people' })
    await invite.getByLabel('Role').selectOption('observer')
    await invite.getByRole('button', { name: 'Copy invitation link' }).click()
    const linkField = invite.getByLabel('Invitation link')
    await expect.poll(() => linkField.inputValue()).toMatch(/\/invites\/\w+$/)
    const link = await linkField.inputValue()

    const { page } = await harness.newGuest()
    await page.goto(new URL(link).pathname)
    await page.getByRole('heading', { level: 1, name: 'Join Biology team' }).waitFor()
    await expect.poll(() => page.locator('.lede').innerText()).toContain('as observer')

    const signUp = page.getByRole('form', { name: 'Create an account' })
    await signUp.getByLabel('Name').fill('Barbara')
    await signUp.getByLabel('Email').fill(`barbara-${Date.now()}@school.test`)
    await signUp.getByLabel('Password').fill('correct horse battery')
    await signUp.getByRole('button', { name: 'Create account' }).click()

    await page.getByRole('heading', { level: 1, name: 'Biology team' }).waitFor()
    await expect.poll(() => page.locator('.page-header').innerText()).toContain('Observer')
    const members = await facilitator.api.request('GET', `/api/teams/${teamId}/members`)
    expect(members.body).toContainEqual(
      expect.objectContaining({ name: 'Barbara', role: 'observer' }),
    )
  })

  test('pages fit phone and desktop widths', async () => {
    const user = await harness.newUser('Ida')
    const teamId = await user.api.createTeam('Grade 4 science, with a rather long team name')
    const meetingId = await user.api.createMeeting(teamId, 'Week 1: standards analysis')
    const pages = [
      { path: '/', ready: user.page.getByRole('heading', { name: 'Your teams' }) },
      { path: `/teams/${teamId}`, ready: user.page.getByRole('heading', { name: 'Meetings' }) },
      { path: `/meetings/${meetingId}`, ready: user.page.locator('[data-status="live"]') },
    ]

    for (const width of [1440, 1024, 390, 320]) {
      await user.page.setViewportSize({ width, height: 800 })
      for (const { path, ready } of pages) {
        await user.page.goto(path)
        await ready.waitFor()
        const scrollWidth = await user.page.evaluate(() => document.documentElement.scrollWidth)
        expect(scrollWidth, `${path} at ${width} px`).toBeLessThanOrEqual(width)
      }
    }
  })

  test('unknown invitation shows the reason', async () => {
    const { page } = await harness.newGuest()
    await page.goto('/invites/no-such-token')
    const alert = page.getByRole('alert')
    await expect.poll(() => alert.innerText()).toContain('This invitation cannot be used.')
    await expect.poll(() => alert.innerText()).toContain('Invitation not found')
  })
})
