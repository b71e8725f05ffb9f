import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { startBrowserHarness, type BrowserHarness, type BrowserUser } from '../support/browser'

describe('team protocol templates in the browser', () => {
  let harness: BrowserHarness
  let facilitator: BrowserUser
  let member: BrowserUser
  let teamId: string

  beforeAll(async () => {
    harness = await startBrowserHarness()
    facilitator = await harness.newUser('Ada Facilitator')
    member = await harness.newUser('Ben Member')
    teamId = await facilitator.api.createTeam('Grade 5 literacy')
    await facilitator.api.addMember(teamId, member.api, 'member')
  })

  afterAll(async () => {
    await harness?.close()
  })

  test('facilitator adapts a protocol and starts a meeting from it', async () => {
    const page = facilitator.page
    await page.goto(`/teams/${teamId}`)
    const panel = page.getByRole('region', { name: 'Team protocols' })
    await panel.getByText('The team has no protocols of its own yet.').waitFor()

    await panel
      .getByLabel('Copy a protocol to adapt it')
      .selectOption({ label: 'Tuning protocol (40 minutes)' })
    await panel.getByRole('button', { name: 'Copy and edit' }).click()

    const editor = panel.getByRole('form', {
      name: 'New template from Tuning protocol (40 minutes)',
    })
    await editor.getByLabel('Template name').fill('Short tuning')
    const first = editor.getByRole('group', { name: 'Phase 1' })
    await first.getByLabel('Minutes').fill('12')
    await editor.getByRole('button', { name: 'Remove Debrief' }).click()
    await editor.getByRole('button', { name: 'Move Clarifying questions up' }).click()
    await editor.getByRole('button', { name: 'Add a phase' }).click()
    await editor.getByRole('group', { name: 'Phase 7' }).getByLabel('Title').fill('Silent writing')
    await editor.getByRole('group', { name: 'Phase 7' }).getByLabel('Minutes').fill('4')
    await editor.getByRole('button', { name: 'Save template' }).click()

    const item = panel.getByRole('listitem').filter({ hasText: 'Short tuning' })
    await expect.poll(() => item.innerText()).toContain('7 phases, 41 min')

    const saved = await facilitator.api.request('GET', `/api/teams/${teamId}/templates`)
    expect(saved.body).toHaveLength(1)
    expect(saved.body[0].phases.map((p: { title: string }) => p.title)).toEqual([
      'Clarifying questions',
      'Presentation',
      'Probing questions',
      'Pause to reflect',
      'Warm and cool feedback',
      'Presenter response',
      'Silent writing',
    ])
    expect(saved.body[0].phases.map((p: { minutes: number }) => p.minutes)).toEqual([
      3, 12, 4, 3, 10, 5, 4,
    ])

    // The new template is offered when starting a meeting.
    const start = page.getByRole('form', { name: 'Start a meeting' })
    await start.getByLabel('Title').fill('Week 6 tuning')
    await start.getByLabel('Protocol', { exact: true }).selectOption({ label: 'Short tuning' })
    await start.getByRole('button', { name: 'Start meeting' }).click()
    await page.waitForURL(/\/meetings\//)
    const agenda = page.getByRole('navigation', { name: /Agenda/ })
    await expect.poll(() => agenda.innerText()).toContain('Silent writing')
    await expect.poll(() => agenda.innerText()).toContain('41 min')
  })

  test('shows a rejected template with the server’s reason', async () => {
    const page = facilitator.page
    await page.goto(`/teams/${teamId}`)
    const panel = page.getByRole('region', { name: 'Team protocols' })
    await panel.getByRole('button', { name: 'Edit Short tuning' }).click()
    const editor = panel.getByRole('form', { name: 'Edit Short tuning' })
    await editor.getByRole('group', { name: 'Phase 1' }).getByLabel('Minutes').fill('0')
    await editor.getByRole('button', { name: 'Save template' }).click()
    await expect
      .poll(() => editor.getByRole('alert').innerText())
      .toMatch(/minutes: must be at least 1/)

    await editor.getByRole('button', { name: 'Cancel' }).click()
    const saved = await facilitator.api.request('GET', `/api/teams/${teamId}/templates`)
    expect(saved.body[0].phases[0].minutes).toBe(3)
  })

  test('members see team protocols without edit buttons', async () => {
    await member.page.goto(`/teams/${teamId}`)
    const panel = member.page.getByRole('region', { name: 'Team protocols' })
    await panel.getByRole('listitem').filter({ hasText: 'Short tuning' }).waitFor()
    expect(await panel.getByRole('button').count()).toBe(0)
  })

  test('no page errors', () => {
    // The rejected save above logs its 400 response; anything else is a defect.
    const unexpected = facilitator.errors.filter((error) => !error.includes('status of 400'))
    expect(unexpected).toEqual([])
    expect(member.errors).toEqual([])
  })
})
