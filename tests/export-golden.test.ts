import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'

import { CardField } from '../shared/cards'
import type { TimerModel } from '../shared/timer'
import { insertSnapshot } from '../server/snapshots/store'
import { saveTimer } from '../server/timer/store'
import { ApiClient } from './support/http'
import { startTestServer, type TestServer } from './support/server'

/**
 * Golden-file tests of the meeting record. The meeting is written straight into the database
 * with fixed ids and times, so the output never changes unless the export does. Run with
 * UPDATE_GOLDEN=1 to rewrite the files after an intended change, and review the diff.
 */

const goldenDir = path.resolve('tests/golden')
const updateGolden = process.env.UPDATE_GOLDEN === '1'

function expectGolden(name: string, actual: string): void {
  const file = path.join(goldenDir, name)
  if (updateGolden) {
    fs.writeFileSync(file, actual)
    return
  }
  if (!fs.existsSync(file)) {
    throw new Error(`golden file ${file} is missing; run with UPDATE_GOLDEN=1 to create it`)
  }
  expect(actual).toBe(fs.readFileSync(file, 'utf8'))
}

const minute = 60_000
const meetingId = 'meeting-golden'
const teamId = 'team-golden'
const phases = [
  { id: 'organize', title: 'Organize', minutes: 5 },
  { id: 'review', title: 'Review the lesson', minutes: 15 },
  { id: 'discuss', title: 'Warm & cool feedback', minutes: 20 },
  { id: 'evaluate', title: 'Evaluate', minutes: 10 },
  { id: 'recap', title: 'Recap next steps', minutes: 5 },
]
const meetingStart = Date.UTC(2026, 1, 10, 20, 0)

type Delta = Array<{ insert: string; attributes?: Record<string, object> }>

function text(delta: Delta): Y.XmlText {
  const node = new Y.XmlText()
  node.applyDelta(delta)
  return node
}

function element(
  name: string,
  children: Array<Y.XmlElement | Y.XmlText>,
  attributes: Record<string, unknown> = {},
): Y.XmlElement {
  const node = new Y.XmlElement(name)
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string)
  node.insert(0, children)
  return node
}

const p = (delta: Delta | string) =>
  element('paragraph', [text(typeof delta === 'string' ? [{ insert: delta }] : delta)])
const li = (...children: Y.XmlElement[]) => element('listItem', children)

function card(fields: Record<string, unknown>, voters: string[]): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(fields)) map.set(key, value)
  const votes = new Y.Map<number>()
  voters.forEach((voter, index) => votes.set(voter, meetingStart + index))
  map.set(CardField.votes, votes)
  return map
}

function cardFields(
  id: string,
  kind: string,
  textValue: string,
  phaseId: string,
  author: string | null,
) {
  return {
    [CardField.id]: id,
    [CardField.kind]: kind,
    [CardField.text]: textValue,
    [CardField.phaseId]: phaseId,
    [CardField.createdAt]: meetingStart + 30 * minute,
    [CardField.authorId]: author ? `user-${author.toLowerCase()}` : null,
    [CardField.authorName]: author,
    [CardField.anonymous]: author === null,
  }
}

/** Encodes the live meeting: notes with every node and mark the record renders, and cards. */
function liveDocument(): Uint8Array {
  const doc = new Y.Doc()
  doc
    .getXmlFragment('notes:organize')
    .insert(0, [p('Roles: Ana facilitates, Ben presents, Chen observes.'), p('')])
  doc.getXmlFragment('notes:review').insert(0, [
    element('heading', [text([{ insert: 'Focus question' }])], { level: 2 }),
    p([
      { insert: 'Do the ' },
      { insert: 'fraction strips', attributes: { bold: {} } },
      { insert: ' help ' },
      { insert: 'every', attributes: { bold: {}, italic: {} } },
      { insert: ' student see ' },
      { insert: '1/2 = 2/4', attributes: { code: {} } },
      { insert: '? See ' },
      { insert: 'the plan', attributes: { link: { href: 'https://school.test/plan (v2)' } } },
      { insert: ' and ' },
      { insert: 'this', attributes: { link: { href: 'javascript:alert(1)' } } },
      { insert: '.' },
    ]),
    element('bulletList', [
      li(p('Warm-up: 5 minutes')),
      li(
        p([{ insert: 'Main task ' }, { insert: 'in pairs', attributes: { italic: {} } }]),
        element('orderedList', [li(p('Fold the strips')), li(p('Compare lengths'))]),
      ),
    ]),
    element('blockquote', [p('Students said: "half is always the bigger piece"')]),
    element('codeBlock', [text([{ insert: 'exit ticket: 3/4 ? 6/8\n``` done' }])], {
      language: 'text',
    }),
    element('horizontalRule', []),
    element('paragraph', [
      text([{ insert: 'Line one' }]),
      element('hardBreak', []),
      text([{ insert: '# not a heading <script>alert(1)</script> & *stars* 1. item' }]),
    ]),
  ])
  doc
    .getXmlFragment('notes:discuss')
    .insert(0, [
      p([
        { insert: 'Old plan', attributes: { strike: {} } },
        { insert: ' New plan: ' },
        { insert: 'model first', attributes: { underline: {} } },
      ]),
      element('orderedList', [li(p('Third')), li(p('Fourth'))], { start: 3 }),
    ])
  doc.getArray('cards').push([
    card(cardFields('c1', 'warm', 'Clear focus question', 'review', 'Ben'), ['u1', 'u2', 'u3']),
    card(cardFields('c2', 'warm', 'Strips are <concrete> & quick', 'discuss', 'Chen'), ['u1']),
    card(cardFields('c3', 'cool', 'I wonder if pairs need roles', 'discuss', null), []),
    card(
      {
        ...cardFields('c4', 'cool', 'Hidden by the facilitator', 'discuss', 'Ben'),
        [CardField.hidden]: true,
      },
      [],
    ),
    card(
      {
        ...cardFields('c5', 'probing', 'What would mastery look like?', 'evaluate', 'Ana'),
        [CardField.addressed]: true,
        [CardField.group]: 'Assessment',
      },
      ['u2'],
    ),
  ])
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return state
}

/** Encodes an earlier point of the meeting: only the organize notes and one card. */
function snapshotDocument(): Uint8Array {
  const doc = new Y.Doc()
  doc.getXmlFragment('notes:organize').insert(0, [p('Roles still to agree.')])
  const kept = cardFields('c1', 'warm', 'Clear focus question', 'review', 'Ben')
  doc.getArray('cards').push([card(kept, [])])
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return state
}

let server: TestServer
let reader: ApiClient
let snapshotId: string

async function seedMeeting(): Promise<void> {
  const db = server.services.db
  const people = [
    ['user-ana', 'Ana Alvarez', 'facilitator'],
    ['user-ben', 'Ben Okafor', 'member'],
    ['user-chen', 'Chen Li', 'observer'],
    ['user-dev', 'Dev Patel', 'member'],
  ] as const
  await db
    .insertInto('teams')
    .values({ id: teamId, name: 'Grade 5 <Math> & Science', created_at: meetingStart })
    .execute()
  for (const [id, name, role] of people) {
    await db
      .insertInto('users')
      .values({
        id,
        email: `${id}@school.test`,
        name,
        password_hash: 'unused',
        created_at: meetingStart,
      })
      .execute()
    await db
      .insertInto('memberships')
      .values({ team_id: teamId, user_id: id, role, joined_at: meetingStart })
      .execute()
  }
  await db
    .insertInto('team_templates')
    .values({
      id: 'template-golden',
      team_id: teamId,
      name: 'Lesson tuning, team version',
      based_on: null,
      phases_json: JSON.stringify(phases),
      created_by: 'user-ana',
      created_at: meetingStart,
      updated_at: meetingStart,
    })
    .execute()
  await db
    .insertInto('meetings')
    .values({
      id: meetingId,
      team_id: teamId,
      title: 'Week 2: tuning the *fractions* lesson',
      protocol_id: 'template-golden',
      phases_json: JSON.stringify(phases),
      state: 'ended',
      created_by: 'user-ana',
      created_at: meetingStart - 3 * 24 * 60 * minute,
    })
    .execute()
  for (const [index, [id, , role]] of people.slice(0, 3).entries()) {
    await db
      .insertInto('meeting_attendance')
      .values({
        meeting_id: meetingId,
        user_id: id,
        role,
        first_joined_at: meetingStart + index * minute,
        last_joined_at: meetingStart + index * minute,
      })
      .execute()
  }

  const timer: TimerModel = {
    phaseIndex: 4,
    status: 'ended',
    endsAt: null,
    remainingMs: 0,
    actualMs: [6 * minute, 14.5 * minute, 23 * minute + 20_000, 9 * minute, 0],
    runningSince: null,
    startedAt: meetingStart + 5 * minute,
    endedAt: meetingStart + 60 * minute,
    revision: 12,
  }
  await saveTimer(db, meetingId, timer, 'user-ana')

  await server.services.documents.append(meetingId, [liveDocument()])
  snapshotId = await insertSnapshot(db, {
    meetingId,
    kind: 'manual',
    label: 'Before *feedback*',
    authorId: 'user-ben',
    phaseIndex: 1,
    actualMs: [6 * minute, 10 * minute, 0, 0, 0],
    state: snapshotDocument(),
    createdAt: meetingStart + 20 * minute,
  })

  const steps = [
    ['step-1', 'Revise the exit ticket & share it', 'user-ben', '2026-02-17', 0],
    ['step-2', 'Bring student work samples', 'user-ana', '2026-02-24', 1],
  ] as const
  for (const [id, stepText, owner, due, done] of steps) {
    await db
      .insertInto('next_steps')
      .values({
        id,
        team_id: teamId,
        meeting_id: meetingId,
        card_id: null,
        text: stepText,
        owner_id: owner,
        due_date: due,
        done,
        done_at: done ? meetingStart : null,
        done_by: done ? owner : null,
        done_meeting_id: done ? meetingId : null,
        created_by: 'user-ana',
        created_at: meetingStart + 50 * minute,
        updated_at: meetingStart + 50 * minute,
      })
      .execute()
  }
}

beforeAll(async () => {
  server = await startTestServer()
  await seedMeeting()
  reader = await new ApiClient(server.url).signup('Observer')
  await server.services.db
    .insertInto('memberships')
    .values({
      team_id: teamId,
      user_id: reader.user!.id,
      role: 'observer',
      joined_at: meetingStart,
    })
    .execute()
})
afterAll(async () => {
  await server.stop()
})

describe('meeting record export', () => {
  const base = `/api/meetings/${meetingId}/export?tz=America/New_York`

  it('renders the live meeting as Markdown', async () => {
    const response = await reader.request('GET', `${base}&format=md`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="week-2-tuning-the-fractions-lesson-record.md"',
    )
    expectGolden('meeting-record.md', response.body)
  })

  it('renders the live meeting as printable HTML', async () => {
    const response = await reader.request('GET', `${base}&format=html`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expectGolden('meeting-record.html', response.body)
  })

  it('renders a snapshot in both formats', async () => {
    const markdown = await reader.request('GET', `${base}&format=md&snapshotId=${snapshotId}`)
    expect(markdown.status).toBe(200)
    expectGolden('meeting-record-snapshot.md', markdown.body)

    const html = await reader.request('GET', `${base}&format=html&snapshotId=${snapshotId}`)
    expect(html.status).toBe(200)
    expectGolden('meeting-record-snapshot.html', html.body)
  })
})
