import * as Y from 'yjs'

import {
  feedbackKindLabels,
  feedbackKinds,
  phaseCardKinds,
  type FeedbackKind,
  type Phase,
} from './protocols'

/**
 * Feedback cards as the meeting document stores them: the root `Y.Array` named `cards` contains one
 * `Y.Map` per card. Only the server writes this array (clients ask for changes over HTTP), so the
 * readers here can trust the field types but still tolerate a card from an older version.
 */

/** Name of the document's root array of cards. */
export const cardsArrayName = 'cards'

/** Card kinds, the same list the protocol library's phases invite. */
export const cardKinds = feedbackKinds

export type CardKind = FeedbackKind

export const cardKindLabels: Record<CardKind, string> = feedbackKindLabels

export function isCardKind(value: unknown): value is CardKind {
  return typeof value === 'string' && (cardKinds as readonly string[]).includes(value)
}

/** Field names of a card's `Y.Map`. */
export const CardField = {
  id: 'id',
  kind: 'kind',
  text: 'text',
  phaseId: 'phaseId',
  createdAt: 'createdAt',
  /** Time of the last edit of the text or kind, or null. */
  editedAt: 'editedAt',
  /** The author's user id; null on an anonymous card. */
  authorId: 'authorId',
  /** The author's name when the card was written; null on an anonymous card. */
  authorName: 'authorName',
  anonymous: 'anonymous',
  /**
   * SHA-256 (hex) of the random edit token handed to the author of an anonymous card, so they can
   * edit or delete it later without the document saying who they are. Null on named cards.
   */
  editTokenHash: 'editTokenHash',
  /**
   * Set by a facilitator to take a card out of the members' list. NOTE: the card stays in the
   * document, so its text still reaches every client; only the pages leave it out.
   */
  hidden: 'hidden',
  addressed: 'addressed',
  /** Title of the group the facilitator put the card in, or null. */
  group: 'group',
  /** Id of the next step the card was promoted to, or null. */
  nextStepId: 'nextStepId',
  /** A nested `Y.Map` from voter user id to the time of the vote. */
  votes: 'votes',
} as const

/** A card read out of the document as plain data. */
export interface Card {
  id: string
  kind: CardKind
  text: string
  phaseId: string
  createdAt: number
  editedAt: number | null
  authorId: string | null
  authorName: string | null
  anonymous: boolean
  hidden: boolean
  addressed: boolean
  group: string | null
  nextStepId: string | null
  /** User ids of the voters, oldest vote first. */
  voterIds: string[]
  voteCount: number
}

/** Returns the document's card array. */
export function cardsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(cardsArrayName)
}

/** Reads one card map, or returns null when it is not a card (missing id, kind or text). */
export function readCard(map: unknown): Card | null {
  if (!(map instanceof Y.Map)) return null
  const id = map.get(CardField.id)
  const kind = map.get(CardField.kind)
  const text = map.get(CardField.text)
  if (typeof id !== 'string' || !isCardKind(kind) || typeof text !== 'string') return null

  const votes = map.get(CardField.votes)
  const voterIds =
    votes instanceof Y.Map
      ? [...votes.entries()]
          .sort((a, b) => Number(a[1]) - Number(b[1]))
          .map(([userId]) => userId as string)
      : []
  const anonymous = map.get(CardField.anonymous) === true

  return {
    id,
    kind,
    text,
    phaseId: stringOr(map.get(CardField.phaseId), ''),
    createdAt: numberOr(map.get(CardField.createdAt), 0),
    editedAt: numberOr(map.get(CardField.editedAt), null),
    authorId: anonymous ? null : stringOr(map.get(CardField.authorId), null),
    authorName: anonymous ? null : stringOr(map.get(CardField.authorName), null),
    anonymous,
    hidden: map.get(CardField.hidden) === true,
    addressed: map.get(CardField.addressed) === true,
    group: stringOr(map.get(CardField.group), null),
    nextStepId: stringOr(map.get(CardField.nextStepId), null),
    voterIds,
    voteCount: voterIds.length,
  }
}

/** Reads every card of the document in array order (the order they were written). */
export function readCards(doc: Y.Doc): Card[] {
  const cards: Card[] = []
  for (const map of cardsArray(doc)) {
    const card = readCard(map)
    if (card) cards.push(card)
  }
  return cards
}

/** Finds a card's map and its index in the array. */
export function findCardMap(
  doc: Y.Doc,
  cardId: string,
): { map: Y.Map<unknown>; index: number } | null {
  const array = cardsArray(doc)
  for (let index = 0; index < array.length; index++) {
    const map = array.get(index)
    if (map instanceof Y.Map && map.get(CardField.id) === cardId) return { map, index }
  }
  return null
}

/** Returns the author's name as shown on a card, or "anonymous". */
export function cardAuthorLabel(card: Card): string {
  return card.anonymous || !card.authorName ? 'anonymous' : card.authorName
}

/**
 * Returns the kinds a card written in `phase` may have: those the phase invites, or every kind in a
 * free phase, which invites none in particular (an empty or missing list).
 */
export function invitedCardKinds(phase: Phase | undefined): CardKind[] {
  const invited = phase ? phaseCardKinds(phase) : []
  return invited.length > 0 ? [...invited] : [...cardKinds]
}

export type CardSort = 'votes' | 'time'

/** Sorts cards by vote count (ties by time) or by time, newest first. */
export function sortCards(cards: Card[], sort: CardSort): Card[] {
  const byTime = (a: Card, b: Card) => b.createdAt - a.createdAt
  const byVotes = (a: Card, b: Card) => b.voteCount - a.voteCount || byTime(a, b)
  return [...cards].sort(sort === 'votes' ? byVotes : byTime)
}

/** Keeps the cards of a kind and a phase, where null matches any. */
export function filterCards(
  cards: Card[],
  filter: { kind: CardKind | null; phaseId: string | null },
): Card[] {
  return cards.filter(
    (card) =>
      (filter.kind === null || card.kind === filter.kind) &&
      (filter.phaseId === null || card.phaseId === filter.phaseId),
  )
}

function stringOr<T>(value: unknown, fallback: T): string | T {
  return typeof value === 'string' ? value : fallback
}

function numberOr<T>(value: unknown, fallback: T): number | T {
  return typeof value === 'number' ? value : fallback
}

/** A next step (action item) as the API returns it. */
export interface NextStep {
  id: string
  teamId: string
  /** The meeting the step was created in. */
  meetingId: string
  meetingTitle: string
  /** The card it was promoted from, if any. */
  cardId: string | null
  text: string
  ownerId: string | null
  ownerName: string | null
  /** Calendar date, `YYYY-MM-DD`. */
  dueDate: string
  done: boolean
  doneAt: number | null
  /** The user who created the step; they and facilitators may delete it. */
  createdBy: string | null
  createdAt: number
  /** Set in a meeting's list on open steps carried forward from an earlier meeting of the team. */
  carried: boolean
}

const calendarDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/

/** Tells whether `value` is a real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = calendarDatePattern.exec(value)
  if (!match) return false

  const [year, month, day] = match.slice(1).map(Number)
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}

export { isOverdue, localDateString } from './next-step-dates'
