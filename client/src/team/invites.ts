import type { MemberRole } from '../types'

/** An invitation link as GET /api/teams/:teamId/invites lists it. */
export interface OpenInvite {
  token: string
  role: MemberRole
  createdAt: number
  expiresAt: number
  singleUse: boolean
  /** The name of the facilitator who created the link. */
  createdBy: string
}

/** Returns the address of an invitation's page on this site. */
export function inviteUrl(token: string): string {
  return `${location.origin}/invites/${encodeURIComponent(token)}`
}
