import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { startBrowserHarness, type BrowserHarness } from '../support/browser'

const shots = process.env.SCREENSHOT_DIR

describe('open invitation links', () => {
  let harness: BrowserHarness

  beforeAll(async () => {
    harness = await startBrowserHarness()
  })

  afterAll(async () => {
    await harness?.close()
  })

  test('revoke confirms the named link', async () => {
    const fran = await harness.newUser('Fran Facilitator')
    const teamId = await fran.api.createTeam('Grade 3')
    const { page } = fran
    await page.goto(`/teams/${teamId}`)

    const control = page.getByRole('group', { name: 'Invite people' })
    await control.getByLabel('Note (optional)').fill('  For Sam in room 12  ')
    await control.getByLabel('Single use').check()
    await control.getByRole('button', { name: 'Copy invitation link' }).click()
    await expect.poll(() => control.getByRole('status').innerText()).toMatch(/For Sam in room 12/)
    // The note is cleared for the next link once this one exists.
    expect(await control.getByLabel('Note (optional)').inputValue()).toBe('')
    await control.getByLabel('Single use').uncheck()
    await control.getByRole('button', { name: 'Copy invitation link' }).click()

    const list = page.getByRole('list', { name: 'Open invitations' })
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2)
    const listed = (await fran.api.request('GET', `/api/teams/${teamId}/invites`)).body as {
      token: string
      label: string | null
    }[]
    const labelled = listed.find((invite) => invite.label === 'For Sam in room 12')!
    const plain = listed.find((invite) => invite.label === null)!

    const samRow = list.getByRole('listitem', { name: /For Sam in room 12/ })
    const samText = await samRow.innerText()
    expect(samText).toContain(`…${labelled.token.slice(-5)}`)
    expect(samText).toMatch(/single use/)
    expect(samText).toMatch(/not used yet/)
    expect(samText).toMatch(/Created .* by Fran Facilitator/)
    const plainRow = list.getByRole('listitem', { name: new RegExp(`…${plain.token.slice(-5)}`) })
    expect(await plainRow.innerText()).toMatch(/for many people/)
    if (shots) await page.screenshot({ path: `${shots}/invites-list.png`, fullPage: true })

    // Revoke first requests confirmation naming the link, and Keep it leaves the link open.
    await samRow.getByRole('button', { name: /^Revoke/ }).click()
    const question = samRow.getByRole('group')
    await expect.poll(() => question.innerText()).toMatch(/Revoke “For Sam in room 12”/)
    expect(await question.innerText()).toContain(`…${labelled.token.slice(-5)}`)
    if (shots) await page.screenshot({ path: `${shots}/invites-confirm.png`, fullPage: true })
    await question.getByRole('button', { name: 'Keep it' }).click()
    await expect.poll(() => samRow.getByRole('group').count()).toBe(0)
    const stillOpen = await fran.api.request('GET', `/api/teams/${teamId}/invites`)
    expect(stillOpen.body).toHaveLength(2)

    // Confirming revokes exactly the link that was named.
    await plainRow.getByRole('button', { name: /^Revoke/ }).click()
    await plainRow.getByRole('button', { name: 'Revoke this link' }).click()
    const status = page.getByRole('region', { name: 'Open invitations' }).getByRole('status')
    await expect
      .poll(() => status.innerText())
      .toBe(`The member link ending …${plain.token.slice(-5)} was revoked.`)
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1)
    const remaining = await fran.api.request('GET', `/api/teams/${teamId}/invites`)
    expect(remaining.body.map((invite: { token: string }) => invite.token)).toEqual([
      labelled.token,
    ])
    if (shots) await page.screenshot({ path: `${shots}/invites-revoked.png`, fullPage: true })
  })

  test('used link shows last use', async () => {
    const fran = await harness.newUser('Fran Facilitator')
    const teamId = await fran.api.createTeam('Grade 4')
    const created = await fran.api.request('POST', `/api/teams/${teamId}/invites`, {
      role: 'member',
    })
    const guest = await harness.newUser('Guest')
    await guest.api.request('POST', `/api/invites/${created.body.token}/accept`)

    await fran.page.goto(`/teams/${teamId}`)
    const row = fran.page.getByRole('list', { name: 'Open invitations' }).getByRole('listitem')
    await expect.poll(() => row.innerText()).toMatch(/last used/)
  })
})
