import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { createSignal, type Accessor } from 'solid-js'

import { cardsArray, readCards, type Card, type CardKind } from '../../../shared/cards'
import { MessageType, type CardActivity } from '../../../shared/wire'
import { api, request } from '../api'
import type { Meeting } from '../types'
import type { RoomConnection } from './room-connection'

/** Interval of the repeated start message while a draft is open; the server expires it in 30 s. */
const draftRefreshMs = 10_000

export interface CardsStore {
  /** The meeting's cards as the document has them, in the order they were posted. */
  cards: Accessor<Card[]>
  /** How many other people are drafting a card now. */
  writing: Accessor<number>
  /** Whether new cards are written without their author. */
  anonymous: Accessor<boolean>
  /** Increases whenever the server reports that the team's next steps changed. */
  nextStepsVersion: Accessor<number>
  /** Tells the server this user started or stopped drafting a card (never its text). */
  setDrafting(drafting: boolean): void
  post(card: { kind: CardKind; text: string; phaseId: string }): Promise<Card>
  edit(cardId: string, changes: CardChanges): Promise<Card>
  remove(cardId: string): Promise<void>
  vote(cardId: string, voted: boolean): Promise<Card>
  group(cardIds: string[], title: string | null): Promise<void>
  setAnonymous(anonymous: boolean): Promise<void>
  /** Whether this browser has the edit token of an anonymous card, so its user wrote it. */
  ownsAnonymous(cardId: string): boolean
}

export interface CardChanges {
  text?: string
  kind?: CardKind
  hidden?: boolean
  addressed?: boolean
  group?: string | null
  phaseId?: string
}

const stores = new WeakMap<RoomConnection, CardsStore>()

/** Returns the cards store of a room, creating it on first use, so panels share one. */
export function useCardsStore(room: RoomConnection, meeting: Meeting): CardsStore {
  let store = stores.get(room)
  if (!store) {
    store = createCardsStore(room, meeting)
    stores.set(room, store)
  }
  return store
}

function createCardsStore(room: RoomConnection, meeting: Meeting): CardsStore {
  const base = `/api/meetings/${encodeURIComponent(meeting.id)}/cards`
  const tokens = createTokenStore(meeting.id)
  const [cards, setCards] = createSignal<Card[]>(readCards(room.doc))
  const [writing, setWriting] = createSignal(0)
  const [anonymous, setAnonymousSignal] = createSignal(false)
  const [nextStepsVersion, setNextStepsVersion] = createSignal(0)

  cardsArray(room.doc).observeDeep(() => setCards(readCards(room.doc)))

  room.onMessage(MessageType.CardActivity, (decoder) => {
    let activity: CardActivity
    try {
      activity = JSON.parse(decoding.readVarString(decoder)) as CardActivity
    } catch {
      return
    }
    if (activity.kind === 'writing') setWriting(activity.count)
    if (activity.kind === 'anonymity') setAnonymousSignal(activity.anonymous)
    if (activity.kind === 'next-steps') setNextStepsVersion((version) => version + 1)
  })

  // The socket sends the setting when it joins, which may be before this store listened.
  api
    .get<{ anonymous: boolean }>(`${base}/settings`)
    .then((settings) => setAnonymousSignal(settings.anonymous))
    .catch(() => {})

  let draftTimer: ReturnType<typeof setInterval> | undefined
  function sendDraft(state: 0 | 1) {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.CardDraft)
    encoding.writeVarUint(encoder, state)
    room.send(encoding.toUint8Array(encoder))
  }

  return {
    cards,
    writing,
    anonymous,
    nextStepsVersion,
    setDrafting(drafting) {
      if (drafting === (draftTimer !== undefined)) return
      if (drafting) {
        sendDraft(1)
        draftTimer = setInterval(() => sendDraft(1), draftRefreshMs)
      } else {
        clearInterval(draftTimer)
        draftTimer = undefined
        sendDraft(0)
      }
    },
    async post(card) {
      const posted = await api.post<{ card: Card; editToken?: string }>(base, card)
      if (posted.editToken) tokens.set(posted.card.id, posted.editToken)
      return posted.card
    },
    async edit(cardId, changes) {
      const body = { ...changes, ...tokens.bodyFor(cardId) }
      const edited = await request<{ card: Card }>('PATCH', `${base}/${cardId}`, body)
      return edited.card
    },
    async remove(cardId) {
      await request('DELETE', `${base}/${cardId}`, tokens.bodyFor(cardId))
      tokens.delete(cardId)
    },
    async vote(cardId, voted) {
      const method = voted ? 'PUT' : 'DELETE'
      const result = await request<{ card: Card }>(method, `${base}/${cardId}/vote`)
      return result.card
    },
    async group(cardIds, title) {
      await api.post(`${base}/group`, { cardIds, title })
    },
    async setAnonymous(value) {
      const settings = await request<{ anonymous: boolean }>('PUT', `${base}/settings`, {
        anonymous: value,
      })
      setAnonymousSignal(settings.anonymous)
    },
    ownsAnonymous: (cardId) => tokens.has(cardId),
  }
}

/**
 * Keeps the edit tokens of this browser's anonymous cards in localStorage, so their author can
 * still edit or delete them after a reload. The server never learns who has a token.
 */
function createTokenStore(meetingId: string) {
  const key = `plc-room:card-tokens:${meetingId}`
  const [tokens, setTokens] = createSignal<Record<string, string>>(read())

  function read(): Record<string, string> {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '{}')
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {}
    } catch {
      return {}
    }
  }

  function write(next: Record<string, string>) {
    setTokens(next)
    try {
      localStorage.setItem(key, JSON.stringify(next))
    } catch {
      // Storage may be full or disabled; the token then lasts until the page is closed.
    }
  }

  return {
    has: (cardId: string) => cardId in tokens(),
    set: (cardId: string, token: string) => write({ ...tokens(), [cardId]: token }),
    delete(cardId: string) {
      const { [cardId]: _removed, ...rest } = tokens()
      write(rest)
    },
    bodyFor(cardId: string): { editToken?: string } {
      const token = tokens()[cardId]
      return token ? { editToken: token } : {}
    },
  }
}
