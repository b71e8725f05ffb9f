import type { Phase } from '../../shared/protocols'
import type { MemberRole } from '../../shared/wire'

export type { MemberRole, Phase }

export interface User {
  id: string
  email: string
  name: string
}

/** A team as GET /api/teams lists it, with the signed-in user's role. */
export interface TeamSummary {
  id: string
  name: string
  role: MemberRole
}

export type MeetingState = 'scheduled' | 'live' | 'ended'

export interface MeetingSummary {
  id: string
  title: string
  protocolId: string
  state: MeetingState
  createdAt: number
}

export interface Meeting {
  id: string
  title: string
  teamId: string
  protocolId: string
  phases: Phase[]
  state: MeetingState
  createdAt: number
  /** The signed-in user's role in the meeting's team. */
  role: MemberRole
}

export interface Member {
  userId: string
  name: string
  role: MemberRole
}

export interface Protocol {
  id: string
  name: string
  phases: Phase[]
}

export interface Invite {
  teamId: string
  teamName: string
  role: MemberRole
  expiresAt: number
}
