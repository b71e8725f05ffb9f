import * as Y from 'yjs'

import type { RoomExtension } from './room'

/**
 * The place a new item takes once Yjs integrates it: the root type it ends up under, whether its
 * immediate parent is that root, and the map key it sets, if any. 'inert' means Yjs turns the
 * item into a GC struct (its neighbour or parent is already garbage collected), so it changes
 * nothing. 'unknown' means the item refers to something neither the update nor the document has.
 */
type Placement =
  { root: string; direct: boolean; parentSub: string | null; depth: number } | 'inert' | 'unknown'

type Struct = Y.Item | Y.GC | Y.Skip

/** A struct found by id, with whether the room's document already has it. */
interface Found {
  struct: Struct
  stored: boolean
}

const notesPrefix = 'notes:'

/**
 * Maximum nesting of types under a notes root that clients may create. Nested lists take two
 * levels each, so editors stay far below it. The export, snapshot view and restore copy notes
 * recursively and fail on a few thousand levels.
 */
export const maxNotesDepth = 64

/** Tells whether a root type name is a phase's notes fragment (`notes:<phaseId>`). */
export function isNotesRoot(name: string): boolean {
  return name.startsWith(notesPrefix) && name.length > notesPrefix.length
}

/**
 * Returns why a client's update must be dropped, or null when everything it inserts or deletes
 * lies inside a phase's notes fragment.
 *
 * Structs that the document already has are skipped, as Yjs skips them. A new item's parent is
 * resolved the way Yjs resolves it when integrating (an explicit root name, a parent item's id, or
 * the parent of its left or right origin), through the update itself and the document's store.
 * Deleting something already deleted or garbage collected is allowed, because every client's
 * sync step 2 carries its whole delete set, including cards the server deleted.
 */
export function checkNotesOnlyUpdate(doc: Y.Doc, update: Uint8Array): string | null {
  const { structs, ds } = Y.decodeUpdate(update)
  const resolver = new PlacementResolver(doc, structs)

  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue

    const placement = resolver.place(struct)
    const reason = rejectPlacement(placement) ?? rejectTopLevelContent(placement, struct)
    if (reason) return `insert ${formatId(struct.id)} ${reason}`
  }

  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      const reason = resolver.checkDeletion(client, range.clock, range.clock + range.len)
      if (reason) return `delete ${client}:${range.clock}+${range.len} ${reason}`
    }
  }
  return null
}

/**
 * Creates a room extension that lets clients change only the notes fragments. Every other part
 * of the document (cards, and anything a future feature adds) is written by the server alone.
 */
export function updateGuard(): RoomExtension {
  return {
    checkUpdate: (room, _conn, update) => checkNotesOnlyUpdate(room.doc, update),
  }
}

function rejectPlacement(placement: Placement): string | null {
  if (placement === 'inert') return null
  if (placement === 'unknown') return 'refers to an item the server does not have'
  if (!isNotesRoot(placement.root)) {
    return `touches "${placement.root}", which only the server writes`
  }
  if (placement.depth > maxNotesDepth) {
    return `nests deeper than ${maxNotesDepth} levels in notes fragment "${placement.root}"`
  }
  if (placement.direct && placement.parentSub !== null) {
    return `sets key "${placement.parentSub}" on notes fragment "${placement.root}"`
  }
  return null
}

/**
 * Returns why an item may not sit directly in a notes fragment. Tiptap's Yjs binding builds the
 * editor from the fragment's children and throws on any child that is not an element. It does so
 * on every client and at every load, so text, maps or plain values there would break the phase's
 * editor for everyone. Deeper down the binding deletes a child it cannot read, so only the top
 * is checked.
 */
function rejectTopLevelContent(placement: Placement, item: Y.Item): string | null {
  if (typeof placement === 'string' || !placement.direct) return null
  // Content created and deleted while offline arrives as ContentDeleted and shows nothing.
  if (item.content instanceof Y.ContentDeleted) return null
  if (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlElement) {
    return null
  }
  return `puts a ${item.content.constructor.name} directly in notes fragment "${placement.root}"`
}

function formatId(id: Y.ID): string {
  return `${id.client}:${id.clock}`
}

class PlacementResolver {
  readonly #doc: Y.Doc
  readonly #updateStructs = new Map<number, Struct[]>()
  readonly #placements = new Map<Y.Item, Placement>()
  readonly #resolving = new Set<Y.Item>()

  constructor(doc: Y.Doc, structs: Struct[]) {
    this.#doc = doc
    for (const struct of structs) {
      const list = this.#updateStructs.get(struct.id.client) ?? []
      list.push(struct)
      this.#updateStructs.set(struct.id.client, list)
    }
    for (const list of this.#updateStructs.values()) list.sort((a, b) => a.id.clock - b.id.clock)
  }

  /** Resolves where an item of the update lands. */
  place(item: Y.Item): Placement {
    const known = this.#placements.get(item)
    if (known) return known
    // A parent chain that loops back cannot come from a real document.
    if (this.#resolving.has(item)) return 'unknown'

    this.#resolving.add(item)
    const placement = this.#resolve(item)
    this.#resolving.delete(item)
    this.#placements.set(item, placement)
    return placement
  }

  /** Returns why deleting clocks `[start, end)` of a client is not allowed, or null. */
  checkDeletion(client: number, start: number, end: number): string | null {
    const state = Y.getState(this.#doc.store, client)

    if (start < state) {
      const stored = this.#doc.store.clients.get(client) ?? []
      const stop = Math.min(end, state)
      for (let i = Y.findIndexSS(stored, start); i < stored.length; i++) {
        const struct = stored[i]
        if (struct.id.clock >= stop) break
        if (!(struct instanceof Y.Item) || struct.deleted) continue

        const root = storedRootName(struct.parent as Y.AbstractType<unknown> | null)
        if (root === null) return 'targets an item whose root type is unknown'
        if (!isNotesRoot(root)) return `touches "${root}", which only the server writes`
      }
    }

    for (let clock = Math.max(start, state); clock < end;) {
      const found = this.#findInUpdate(client, clock)
      if (!found) return 'targets an item the server does not have'
      if (found instanceof Y.Item) {
        const reason = rejectPlacement(this.place(found))
        if (reason) return reason
      } else if (found instanceof Y.Skip) {
        return 'targets an item the server does not have'
      }
      clock = found.id.clock + found.length
    }
    return null
  }

  #resolve(item: Y.Item): Placement {
    const left = item.origin ? this.#find(item.origin) : null
    const right = item.rightOrigin ? this.#find(item.rightOrigin) : null
    if (item.origin && !left) return 'unknown'
    if (item.rightOrigin && !right) return 'unknown'
    if (left?.struct instanceof Y.Skip || right?.struct instanceof Y.Skip) return 'unknown'
    if (left?.struct instanceof Y.GC || right?.struct instanceof Y.GC) return 'inert'

    const parent = item.parent as Y.ID | string | null
    if (parent === null) {
      if (left) return this.#placeSibling(left)
      if (right) return this.#placeSibling(right)
      return 'inert'
    }
    if (typeof parent === 'string') {
      return { root: parent, direct: true, parentSub: item.parentSub, depth: 1 }
    }

    const parentFound = this.#find(parent)
    if (!parentFound || parentFound.struct instanceof Y.Skip) return 'unknown'
    if (parentFound.struct instanceof Y.GC) return 'inert'

    const parentItem = parentFound.struct
    if (parentFound.stored) {
      // A deleted type's content is replaced by ContentDeleted once collected; Yjs then drops
      // the child as garbage.
      if (!(parentItem.content instanceof Y.ContentType)) return 'inert'
      const type = parentItem.content.type as Y.AbstractType<unknown>
      const root = storedRootName(type)
      if (root === null) return 'unknown'
      return { root, direct: false, parentSub: item.parentSub, depth: storedDepth(type) + 1 }
    }

    if (!(parentItem.content instanceof Y.ContentType)) return 'unknown'
    const parentPlacement = this.place(parentItem)
    if (typeof parentPlacement === 'string') return parentPlacement
    return {
      root: parentPlacement.root,
      direct: false,
      parentSub: item.parentSub,
      depth: parentPlacement.depth + 1,
    }
  }

  /** Places an item that takes its parent from a neighbour, as Yjs does when none is encoded. */
  #placeSibling(neighbour: Found): Placement {
    const struct = neighbour.struct
    if (!(struct instanceof Y.Item)) return 'inert'
    if (!neighbour.stored) return this.place(struct)

    const parentType = struct.parent as Y.AbstractType<unknown> | null
    const root = storedRootName(parentType)
    if (root === null || parentType === null) return 'unknown'
    return {
      root,
      direct: parentType._item === null,
      parentSub: struct.parentSub,
      depth: storedDepth(parentType) + 1,
    }
  }

  #find(id: Y.ID): Found | null {
    if (id.clock < Y.getState(this.#doc.store, id.client)) {
      const stored = this.#doc.store.clients.get(id.client) ?? []
      return { struct: stored[Y.findIndexSS(stored, id.clock)], stored: true }
    }
    const struct = this.#findInUpdate(id.client, id.clock)
    return struct ? { struct, stored: false } : null
  }

  #findInUpdate(client: number, clock: number): Struct | null {
    const list = this.#updateStructs.get(client)
    if (!list) return null

    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const struct = list[middle]
      if (clock < struct.id.clock) high = middle - 1
      else if (clock >= struct.id.clock + struct.length) low = middle + 1
      else return struct
    }
    return null
  }
}

/** Counts the types between a stored type and its root; a root type has depth 0. */
function storedDepth(type: Y.AbstractType<unknown>): number {
  let depth = 0
  let current: Y.AbstractType<unknown> | null = type
  while (current && current._item !== null) {
    depth += 1
    current = current._item.parent as Y.AbstractType<unknown> | null
  }
  return depth
}

/** Returns the name of the root type that contains `type` in the room's document, or null. */
function storedRootName(type: Y.AbstractType<unknown> | null): string | null {
  let current = type
  while (current && current._item !== null) {
    current = current._item.parent as Y.AbstractType<unknown> | null
  }
  if (!current || !current.doc) return null

  for (const [name, root] of current.doc.share) {
    if (root === current) return name
  }
  return null
}
