// Dark enough for white caret labels to stay legible (about 4.5:1 contrast or more), and
// distinct from each other in hue.
const palette = [
  '#b91c1c',
  '#c2410c',
  '#a16207',
  '#4d7c0f',
  '#15803d',
  '#0f766e',
  '#0e7490',
  '#0369a1',
  '#1d4ed8',
  '#6d28d9',
  '#a21caf',
  '#be185d',
]

/** Picks a user's color from their id, so each person keeps one color on every device. */
export function userColor(userId: string): string {
  // FNV-1a: cheap, and it spreads similar ids across the palette.
  let hash = 0x811c9dc5
  for (let index = 0; index < userId.length; index++) {
    hash ^= userId.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return palette[(hash >>> 0) % palette.length]
}
