import * as Y from 'yjs'

import { cardKindLabels, cardKinds, readCards, sortCards, type Card } from '../../shared/cards'
import { notesFragmentName } from '../../shared/protocols'
import { listAttendees, type Attendee } from '../meetings/attendance'
import { resolveProtocol } from '../protocols/store'
import type { Services } from '../services'
import { readTimerPosition } from '../snapshots/phase'
import type { MeetingRecord } from '../teams/access'
import { loadNextSteps, type RecordNextStep } from './next-steps'
import { readNotes, type NoteNode } from './notes-tree'

/** The source of a record: the live meeting or one of its snapshots. */
export type RecordSource =
  | { kind: 'live' }
  | { kind: 'snapshot'; id: string; label: string; createdAt: number; author: string }

export interface RecordPhase {
  id: string
  title: string
  plannedMinutes: number
  /** Time the timer ran in this phase, or null when the timer never ran. */
  actualMs: number | null
  notes: NoteNode[]
}

export interface RecordCardGroup {
  kind: string
  label: string
  cards: Array<Card & { phaseTitle: string }>
}

/** Everything a meeting record shows, independent of its output format. */
export interface MeetingRecordData {
  title: string
  teamName: string
  protocolName: string
  state: MeetingRecord['state']
  /** When the meeting ran: the timer's first start, else the meeting's creation. */
  date: number
  timeZone: string
  source: RecordSource
  attendees: Attendee[]
  phases: RecordPhase[]
  cardGroups: RecordCardGroup[]
  nextSteps: RecordNextStep[]
}

export interface RecordInput {
  meeting: MeetingRecord
  /** The document as one Yjs update. */
  state: Uint8Array
  source: RecordSource
  /** Per-phase actual times to show; the live timer's when missing. */
  actualMs?: number[] | null
  timeZone: string
}

/** Gathers a meeting's record from its document, timer, attendance and next steps. */
export async function buildMeetingRecord(
  services: Services,
  input: RecordInput,
): Promise<MeetingRecordData> {
  const { meeting } = input
  const team = await services.db
    .selectFrom('teams')
    .select('name')
    .where('id', '=', meeting.teamId)
    .executeTakeFirst()
  const timer = await readTimerPosition(services, meeting)
  const actualMs = input.actualMs === undefined ? timer.actualMs : input.actualMs
  const timed = timer.startedAt !== null
  const protocol = await resolveProtocol(services.db, meeting.teamId, meeting.protocolId)

  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, input.state)
    const phaseTitles = new Map(meeting.phases.map((phase) => [phase.id, phase.title]))

    return {
      title: meeting.title,
      teamName: team?.name ?? '',
      protocolName: protocol?.name ?? meeting.protocolId,
      state: meeting.state,
      date: timer.startedAt ?? meeting.createdAt,
      timeZone: input.timeZone,
      source: input.source,
      attendees: await listAttendees(services.db, meeting.id),
      phases: meeting.phases.map((phase, index) => ({
        id: phase.id,
        title: phase.title,
        plannedMinutes: phase.minutes,
        actualMs: timed && actualMs ? (actualMs[index] ?? 0) : null,
        notes: readNotes(doc.getXmlFragment(notesFragmentName(phase.id))),
      })),
      cardGroups: groupCards(readCards(doc), phaseTitles),
      nextSteps: await loadNextSteps(services.db, meeting.id),
    }
  } finally {
    doc.destroy()
  }
}

/** Groups the visible cards by kind in the kinds' usual order, most votes first. */
function groupCards(cards: Card[], phaseTitles: Map<string, string>): RecordCardGroup[] {
  const visible = sortCards(
    cards.filter((card) => !card.hidden),
    'votes',
  )
  return cardKinds
    .map((kind) => ({
      kind,
      label: cardKindLabels[kind],
      cards: visible
        .filter((card) => card.kind === kind)
        .map((card) => ({ ...card, phaseTitle: phaseTitles.get(card.phaseId) ?? '' })),
    }))
    .filter((group) => group.cards.length > 0)
}
