import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Edit tokens let the author of an anonymous card edit or delete it later. The token goes only to
 * the author, in the response that creates the card; the document stores its SHA-256 hash, which
 * does not identify whoever has the token.
 */

/** Creates a random token (256 bits, base64url) and the hash to store beside the card. */
export function createEditToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashEditToken(token) }
}

export function hashEditToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Compares a presented token with a stored hash in constant time. */
export function matchesEditToken(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashEditToken(token), 'hex')
  const stored = Buffer.from(storedHash, 'hex')
  return presented.length === stored.length && timingSafeEqual(presented, stored)
}
