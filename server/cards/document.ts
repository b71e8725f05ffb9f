import { randomUUID } from 'node:crypto'

import * as Y from 'yjs'

import {
  CardField,
  cardsArray,
  findCardMap,
  readCard,
  type Card,
  type CardKind,
} from '../../shared/cards'
import type { MemberRole } from '../../shared/wire'
import { matchesEditToken } from './edit-token'

/**
 * Card changes made by the server on the meeting document. Each function changes the document
 * synchronously in one transaction with `origin`, after checking that `actor` may make the
 * change, and returns the outcome as a value; HTTP routes turn failures into error responses.
 */

/** The requester of a change: the signed-in user and, for an anonymous card, its edit token. */
export interface CardActor {
  userId: string
  role: MemberRole
  editToken?: string
}

export type CardResult<T> =
  { ok: true; value: T } | { ok: false; status: 403 | 404 | 409; error: string }

export interface NewCard {
  kind: CardKind
  text: string
  phaseId: string
  /** The author; null writes an anonymous card. */
  author: { id: string; name: string } | null
  /** Hash of the anonymous author's edit token. */
  editTokenHash: string | null
  now: number
}

/** Appends a card and returns it as read back from the document. */
export function addCard(doc: Y.Doc, card: NewCard, origin: unknown): Card {
  const map = new Y.Map<unknown>()
  map.set(CardField.id, randomUUID())
  map.set(CardField.kind, card.kind)
  map.set(CardField.text, card.text)
  map.set(CardField.phaseId, card.phaseId)
  map.set(CardField.createdAt, card.now)
  map.set(CardField.editedAt, null)
  map.set(CardField.anonymous, card.author === null)
  map.set(CardField.authorId, card.author?.id ?? null)
  map.set(CardField.authorName, card.author?.name ?? null)
  map.set(CardField.editTokenHash, card.editTokenHash)
  map.set(CardField.hidden, false)
  map.set(CardField.addressed, false)
  map.set(CardField.group, null)
  map.set(CardField.nextStepId, null)
  map.set(CardField.votes, new Y.Map<number>())

  doc.transact(() => cardsArray(doc).push([map]), origin)
  return readCard(map)!
}

/** Changes an author (or a facilitator) may make. */
export interface CardEdit {
  text?: string
  kind?: CardKind
}

/** Changes only a facilitator may make. */
export interface CardModeration {
  hidden?: boolean
  addressed?: boolean
  group?: string | null
  phaseId?: string
}

/** Edits a card's text or kind; allowed to its author and to facilitators. */
export function editCard(
  doc: Y.Doc,
  cardId: string,
  actor: CardActor,
  edit: CardEdit & CardModeration,
  now: number,
  origin: unknown,
): CardResult<Card> {
  const found = findCardMap(doc, cardId)
  if (!found) return cardNotFound(cardId)

  const moderates =
    edit.hidden !== undefined ||
    edit.addressed !== undefined ||
    edit.group !== undefined ||
    edit.phaseId !== undefined
  if (moderates && actor.role !== 'facilitator') {
    const error = 'only a facilitator can hide, group, move or mark cards'
    return { ok: false, status: 403, error }
  }
  const edits = edit.text !== undefined || edit.kind !== undefined
  if (edits && !mayChange(found.map, actor)) return notYours('edit')

  const { map } = found
  doc.transact(() => {
    if (edit.text !== undefined && edit.text !== map.get(CardField.text)) {
      map.set(CardField.text, edit.text)
      map.set(CardField.editedAt, now)
    }
    if (edit.kind !== undefined && edit.kind !== map.get(CardField.kind)) {
      map.set(CardField.kind, edit.kind)
      map.set(CardField.editedAt, now)
    }
    setIfChanged(map, CardField.hidden, edit.hidden)
    setIfChanged(map, CardField.addressed, edit.addressed)
    setIfChanged(map, CardField.group, edit.group)
    setIfChanged(map, CardField.phaseId, edit.phaseId)
  }, origin)
  return { ok: true, value: readCard(map)! }
}

/** Deletes a card; allowed to its author and to facilitators. */
export function deleteCard(
  doc: Y.Doc,
  cardId: string,
  actor: CardActor,
  origin: unknown,
): CardResult<Card> {
  const found = findCardMap(doc, cardId)
  if (!found) return cardNotFound(cardId)
  if (!mayChange(found.map, actor)) return notYours('delete')

  const card = readCard(found.map)!
  doc.transact(() => cardsArray(doc).delete(found.index, 1), origin)
  return { ok: true, value: card }
}

/**
 * Adds or takes back one person's vote. The votes map is keyed by user id, so a person counts
 * once however often they vote, and repeating a request changes nothing.
 */
export function setVote(
  doc: Y.Doc,
  cardId: string,
  userId: string,
  voted: boolean,
  now: number,
  origin: unknown,
): CardResult<Card> {
  const found = findCardMap(doc, cardId)
  if (!found) return cardNotFound(cardId)

  const votes = votesOf(found.map, doc, origin)
  if (votes.has(userId) !== voted) {
    doc.transact(() => {
      if (voted) votes.set(userId, now)
      else votes.delete(userId)
    }, origin)
  }
  return { ok: true, value: readCard(found.map)! }
}

/** Puts cards under one group title, or takes them out of their group when `title` is null. */
export function groupCards(
  doc: Y.Doc,
  cardIds: string[],
  title: string | null,
  origin: unknown,
): CardResult<Card[]> {
  const maps: Y.Map<unknown>[] = []
  for (const cardId of cardIds) {
    const found = findCardMap(doc, cardId)
    if (!found) return cardNotFound(cardId)
    maps.push(found.map)
  }

  doc.transact(() => {
    for (const map of maps) setIfChanged(map, CardField.group, title)
  }, origin)
  return { ok: true, value: maps.map((map) => readCard(map)!) }
}

/** Records the next step a card was promoted to, or clears it when `nextStepId` is null. */
export function linkNextStep(
  doc: Y.Doc,
  cardId: string,
  nextStepId: string | null,
  origin: unknown,
): boolean {
  const found = findCardMap(doc, cardId)
  if (!found) return false
  doc.transact(() => setIfChanged(found.map, CardField.nextStepId, nextStepId), origin)
  return true
}

function mayChange(map: Y.Map<unknown>, actor: CardActor): boolean {
  if (actor.role === 'facilitator') return true
  if (actor.role === 'observer') return false

  const authorId = map.get(CardField.authorId)
  if (typeof authorId === 'string') return authorId === actor.userId

  const tokenHash = map.get(CardField.editTokenHash)
  return typeof tokenHash === 'string' && actor.editToken !== undefined
    ? matchesEditToken(actor.editToken, tokenHash)
    : false
}

/** Returns the card's votes map, creating it for a card stored without one. */
function votesOf(map: Y.Map<unknown>, doc: Y.Doc, origin: unknown): Y.Map<number> {
  const votes = map.get(CardField.votes)
  if (votes instanceof Y.Map) return votes as Y.Map<number>

  const created = new Y.Map<number>()
  doc.transact(() => map.set(CardField.votes, created), origin)
  return created
}

function setIfChanged(map: Y.Map<unknown>, field: string, value: unknown): void {
  if (value === undefined) return
  if (map.get(field) === value) return
  map.set(field, value)
}

function cardNotFound(cardId: string): CardResult<never> {
  return { ok: false, status: 404, error: `card ${cardId} not found; it may have been deleted` }
}

function notYours(action: 'edit' | 'delete'): CardResult<never> {
  return {
    ok: false,
    status: 403,
    error: `only the card's author or a facilitator can ${action} this card`,
  }
}
