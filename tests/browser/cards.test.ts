import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { startBrowserHarness, type BrowserHarness, type BrowserUser } from '../support/browser'

describe('feedback cards in the browser', () => {
  let harness: BrowserHarness
  let facilitator: BrowserUser
  let member: BrowserUser
  let teamId: string
  let meetingId: string

  beforeAll(async () => {
    harness = await startBrowserHarness()
    facilitator = await harness.newUser('Ada Facilitator')
    member = await harness.newUser('Ben Member')
    teamId = await facilitator.api.createTeam('Grade 5 literacy')
    await facilitator.api.addMember(teamId, member.api, 'member')
    meetingId = await facilitator.api.createMeeting(teamId, 'Week 2 lesson tuning')
    const moved = await facilitator.api.request('POST', `/api/meetings/${meetingId}/timer`, {
      action: 'goto',
      phaseIndex: 2,
    })
    expect(moved.status).toBe(200)
  })

  afterAll(async () => {
    await harness?.close()
  })

  test('one page posts a card, another sees it and votes', async () => {
    for (const page of [facilitator.page, member.page]) {
      await page.goto(`/meetings/${meetingId}`)
      const status = page.locator('[data-status]')
      await expect.poll(() => status.getAttribute('data-status')).toBe('live')
    }
    const memberCards = member.page.getByRole('region', { name: 'Feedback cards' })
    const facilitatorCards = facilitator.page.getByRole('region', { name: 'Feedback cards' })

    // The composer offers the kinds the discuss phase invites.
    const kinds = await memberCards.getByLabel('Card kind').locator('option').allTextContents()
    expect(kinds).toContain('Warm feedback')
    expect(kinds).not.toContain('Glow')

    // While the member drafts, the facilitator's page shows that someone is writing, not the text.
    await memberCards.getByLabel('Card text').fill('The hook connected to students’ lives')
    await facilitatorCards.getByText('Someone is writing a card…').waitFor()
    expect(await facilitatorCards.innerText()).not.toContain('hook connected')

    await memberCards.getByLabel('Card kind').selectOption({ label: 'Warm feedback' })
    await memberCards.getByRole('button', { name: 'Post card' }).click()
    await memberCards.getByRole('status').filter({ hasText: 'Card posted.' }).waitFor()
    expect(await memberCards.getByLabel('Card text').inputValue()).toBe('')

    const cardName = /Warm feedback card by Ben Member/
    const card = facilitatorCards.getByRole('listitem', { name: cardName })
    await card.waitFor()
    expect(await card.innerText()).toContain('The hook connected to students’ lives')
    expect(await card.innerText()).toContain('Discuss')
    await expect
      .poll(() => facilitatorCards.getByText('Someone is writing a card…').count())
      .toBe(0)

    await card.getByRole('button', { name: /^Vote/ }).click()
    const vote = card.getByRole('button', { name: /Vote/ })
    await expect.poll(() => vote.getAttribute('aria-pressed')).toBe('true')
    const memberVote = memberCards.getByRole('listitem', { name: cardName }).getByRole('button')
    await expect.poll(() => memberVote.filter({ hasText: 'Vote' }).innerText()).toContain('1')

    // The facilitator promotes the card; the member's next steps list shows it.
    await card.getByRole('button', { name: 'Make next step' }).click()
    await card.getByLabel('Owner').selectOption({ label: 'Ben Member' })
    await card.getByLabel('Due date').fill('2030-05-29')
    await card.getByRole('button', { name: 'Create next step' }).click()
    // The form's own "Next step" label goes with it; then the card's badge is the only one.
    await card.getByRole('button', { name: 'Create next step' }).waitFor({ state: 'detached' })
    await card.getByText('Next step', { exact: true }).waitFor()

    const memberSteps = member.page.getByRole('region', { name: 'Next steps' })
    const step = memberSteps.getByRole('listitem').filter({ hasText: 'The hook connected' })
    await step.waitFor()
    expect(await step.innerText()).toContain('Ben Member')
    await step.getByRole('checkbox').check()
    await memberSteps.getByRole('status').filter({ hasText: 'Next step ticked off.' }).waitFor()

    expect(facilitator.errors).toEqual([])
    expect(member.errors).toEqual([])
  })

  test('anonymous cards show no name and stay editable by their author', async () => {
    const facilitatorCards = facilitator.page.getByRole('region', { name: 'Feedback cards' })
    const memberCards = member.page.getByRole('region', { name: 'Feedback cards' })
    await facilitatorCards.getByLabel('Anonymous cards').check()
    await memberCards.getByText('Cards are anonymous').waitFor()

    await memberCards.getByLabel('Card text').fill('Maybe fewer slides before the task')
    await memberCards.getByLabel('Card kind').selectOption({ label: 'Cool feedback' })
    await memberCards.getByRole('button', { name: 'Post card' }).click()

    const seen = facilitatorCards.getByRole('listitem', { name: /Cool feedback card by anonymous/ })
    await seen.waitFor()
    expect(await seen.innerText()).not.toContain('Ben Member')

    // The author edits the card after a reload, with the token this browser kept.
    await member.page.reload()
    const own = memberCards.getByRole('listitem', { name: /Cool feedback card by anonymous/ })
    await own.getByRole('button', { name: 'Edit' }).click()
    await own.getByLabel('Edit card text').fill('Fewer slides before the task')
    await own.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => seen.innerText()).toContain('Fewer slides before the task')
    expect(await seen.innerText()).toContain('edited')

    await facilitatorCards.getByLabel('Anonymous cards').uncheck()
    await memberCards.getByText('Cards are anonymous').waitFor({ state: 'detached' })
    expect(facilitator.errors).toEqual([])
    expect(member.errors).toEqual([])
  })

  test('the team page lists open next steps with overdue ones marked', async () => {
    const created = await facilitator.api.request('POST', `/api/meetings/${meetingId}/next-steps`, {
      text: 'Collect the exit tickets',
      ownerId: member.api.user!.id,
      dueDate: '2020-01-10',
    })
    expect(created.status).toBe(201)

    await member.page.goto(`/teams/${teamId}`)
    const list = member.page.getByRole('list', { name: 'Open next steps' })
    const item = list.getByRole('listitem').filter({ hasText: 'Collect the exit tickets' })
    await item.waitFor()
    expect(await item.innerText()).toContain('Overdue')
    expect(await item.innerText()).toContain('Ben Member')
    // The step ticked off in the first test is no longer open.
    expect(await list.getByText('The hook connected').count()).toBe(0)
    expect(member.errors).toEqual([])
  })
})
