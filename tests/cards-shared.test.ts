import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'

import {
  cardsArray,
  filterCards,
  invitedCardKinds,
  isCalendarDate,
  isOverdue,
  readCard,
  readCards,
  sortCards,
  type Card,
} from '../shared/cards'
import { findProtocolTemplate } from '../shared/protocols'

function card(id: string, createdAt: number, voteCount: number, extra: Partial<Card> = {}): Card {
  return {
    id,
    kind: 'warm',
    text: id,
    phaseId: 'discuss',
    createdAt,
    editedAt: null,
    authorId: null,
    authorName: null,
    anonymous: true,
    hidden: false,
    addressed: false,
    group: null,
    nextStepId: null,
    voterIds: Array.from({ length: voteCount }, (_, i) => `u${i}`),
    voteCount,
    ...extra,
  }
}

describe('card readers', () => {
  it('skip entries that are not cards', () => {
    const doc = new Y.Doc()
    const valid = new Y.Map<unknown>()
    valid.set('id', 'c1')
    valid.set('kind', 'cool')
    valid.set('text', 'fine')
    valid.set('anonymous', true)
    valid.set('authorId', 'leaked')
    const badKind = new Y.Map<unknown>()
    badKind.set('id', 'c2')
    badKind.set('kind', 'praise')
    badKind.set('text', 'x')
    cardsArray(doc).push([valid, badKind])
    doc.getArray<unknown>('cards').push(['a string'])

    const cards = readCards(doc)
    expect(cards.map((each) => each.id)).toEqual(['c1'])
    // An anonymous card never reports an author, whatever the map contains.
    expect(cards[0].authorId).toBeNull()
    expect(cards[0].voteCount).toBe(0)
    expect(readCard('not a map')).toBeNull()
    doc.destroy()
  })

  it('sort by votes or by time', () => {
    const cards = [card('old', 1, 2), card('new', 3, 0), card('mid', 2, 2)]
    expect(sortCards(cards, 'time').map((each) => each.id)).toEqual(['new', 'mid', 'old'])
    expect(sortCards(cards, 'votes').map((each) => each.id)).toEqual(['mid', 'old', 'new'])
  })

  it('filter by kind and phase', () => {
    const cards = [
      card('a', 1, 0, { kind: 'cool' }),
      card('b', 2, 0, { phaseId: 'review', kind: 'notice' }),
      card('c', 3, 0),
    ]
    const ids = (filter: Parameters<typeof filterCards>[1]) =>
      filterCards(cards, filter).map((each) => each.id)
    expect(ids({ kind: null, phaseId: null })).toEqual(['a', 'b', 'c'])
    expect(ids({ kind: 'cool', phaseId: null })).toEqual(['a'])
    expect(ids({ kind: null, phaseId: 'discuss' })).toEqual(['a', 'c'])
    expect(ids({ kind: 'notice', phaseId: 'discuss' })).toEqual([])
  })
})

describe('invited card kinds', () => {
  it('follow the phase and allow any kind in a free phase', () => {
    const phases = findProtocolTemplate('vital-lesson-tuning')!.phases
    expect(invitedCardKinds(phases.find((phase) => phase.id === 'evaluate'))).toEqual([
      'glow',
      'grow',
    ])
    const free = invitedCardKinds({ id: 'open', title: 'Open', minutes: 5, cardKinds: [] })
    expect(free).toHaveLength(9)
    expect(invitedCardKinds({ id: 'open', title: 'Open', minutes: 5 })).toHaveLength(9)
  })
})

describe('next step dates', () => {
  it('accept only real calendar dates', () => {
    for (const valid of ['2026-05-29', '2028-02-29', '2026-12-31']) {
      expect(isCalendarDate(valid), valid).toBe(true)
    }
    const invalidDates = ['2026-02-30', '2027-02-29', '2026-13-01', '2026-5-29', '29/05/2026', '']
    for (const invalid of invalidDates) {
      expect(isCalendarDate(invalid), invalid).toBe(false)
    }
  })

  it('mark open steps past their date overdue', () => {
    expect(isOverdue({ done: false, dueDate: '2026-05-28' }, '2026-05-29')).toBe(true)
    expect(isOverdue({ done: false, dueDate: '2026-05-29' }, '2026-05-29')).toBe(false)
    expect(isOverdue({ done: true, dueDate: '2026-05-01' }, '2026-05-29')).toBe(false)
  })
})
