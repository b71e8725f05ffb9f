import { roleLabel } from '../components/RoleBadge'
import type { MemberRole } from '../types'

/** An invitation link as GET /api/teams/:teamId/invites lists it. */
export interface OpenInvite {
  token: string
  role: MemberRole
  createdAt: number
  expiresAt: number
  singleUse: boolean
  /** When the link last let someone join, or null if no one has used it yet. */
  usedAt: number | null
  /** The facilitator's note saying who or what the link is for, or null. */
  label: string | null
  /** The name of the facilitator who created the link. */
  createdBy: string
}

/** Maximum label length, in characters, that the server accepts. */
export const inviteLabelMax = 80

/** Returns the address of an invitation's page on this site. */
export function inviteUrl(token: string): string {
  return `${location.origin}/invites/${encodeURIComponent(token)}`
}

/** Returns the last characters of a link, which a facilitator can match against one they sent. */
export function tokenEnding(token: string): string {
  return `…${token.slice(-5)}`
}

/**
 * Names one link among several of the same role, such as `"For Sam" (member link ending …x7k2q)`
 * or `the member link ending …x7k2q`, for confirmations and messages.
 */
export function inviteName(invite: Pick<OpenInvite, 'token' | 'role' | 'label'>): string {
  const kind = `${roleLabel(invite.role).toLowerCase()} link ending ${tokenEnding(invite.token)}`
  return invite.label ? `“${invite.label}” (${kind})` : `the ${kind}`
}

/** Starts a sentence with a name from `inviteName`. */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
