import * as Y from 'yjs'

import { cardsArrayName } from '../../shared/cards'
import { notesFragmentName } from '../../shared/protocols'

const notesPrefix = notesFragmentName('')

/**
 * Replaces every phase's notes and the cards of `target` with copies of those in `source`, in
 * one transaction with `origin`. Notes fragments that only `target` has are emptied. Editors
 * bound to the fragments see their children replaced, which y-prosemirror renders as a new
 * document, so no client is left with a broken editor.
 */
export function replaceContent(
  target: Y.Doc,
  source: Y.Doc,
  phaseIds: readonly string[],
  origin: unknown,
): void {
  const names = new Set(phaseIds.map(notesFragmentName))
  for (const name of [...source.share.keys(), ...target.share.keys()]) {
    if (name.startsWith(notesPrefix)) names.add(name)
  }

  target.transact(() => {
    for (const name of names) {
      replaceChildren(target.getXmlFragment(name), source.getXmlFragment(name).toArray())
    }
    replaceChildren(target.getArray(cardsArrayName), source.getArray(cardsArrayName).toArray())
  }, origin)
}

function replaceChildren(live: Y.XmlFragment | Y.Array<unknown>, items: readonly unknown[]): void {
  // Copies are integrated into the live document; the snapshot's own types cannot be moved.
  const copies = items.map((item) => (item instanceof Y.AbstractType ? item.clone() : item))
  if (live.length > 0) live.delete(0, live.length)
  if (copies.length === 0) return

  if (live instanceof Y.XmlFragment) {
    live.insert(0, copies as Array<Y.XmlElement | Y.XmlText>)
  } else {
    live.insert(0, copies)
  }
}
