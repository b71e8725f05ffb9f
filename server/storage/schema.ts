import type { Generated } from 'kysely'

/**
 * Table types for Kysely. Times are Unix milliseconds; flags are 0 or 1, because SQLite has no
 * boolean type. Binary columns hold Yjs updates and are Buffers in both SQLite and PostgreSQL.
 */
export interface Database {
  users: UserTable
  sessions: SessionTable
  teams: TeamTable
  memberships: MembershipTable
  invites: InviteTable
  meetings: MeetingTable
  doc_updates: DocUpdateTable
  snapshots: SnapshotTable
  meeting_attendance: MeetingAttendanceTable
  meeting_timers: MeetingTimerTable
  team_templates: TeamTemplateTable
  meeting_card_settings: MeetingCardSettingsTable
  next_steps: NextStepTable
  schema_migrations: SchemaMigrationTable
}

export interface UserTable {
  id: string
  email: string
  name: string
  password_hash: string
  created_at: number
}

export interface SessionTable {
  id: string
  user_id: string
  expires_at: number
  created_at: number
  user_agent: string
}

export interface TeamTable {
  id: string
  name: string
  created_at: number
}

export interface MembershipTable {
  team_id: string
  user_id: string
  role: 'facilitator' | 'member' | 'observer'
  joined_at: number
}

export interface InviteTable {
  token: string
  team_id: string
  role: 'facilitator' | 'member' | 'observer'
  created_by: string
  created_at: number
  expires_at: number
  single_use: number
  /** When the link last let someone join; a single-use link is spent once this is set. */
  used_at: number | null
  revoked_at: number | null
  /** A facilitator's note to tell the link apart from others, such as who it was sent to. */
  label: string | null
}

export interface MeetingTable {
  id: string
  team_id: string
  title: string
  protocol_id: string
  /** The protocol's phases as JSON, copied when the meeting is created. */
  phases_json: string
  state: 'scheduled' | 'live' | 'ended'
  created_by: string
  created_at: number
}

export interface DocUpdateTable {
  id: Generated<number>
  doc_name: string
  data: Uint8Array
  created_at: number
}

export interface SnapshotTable {
  id: string
  meeting_id: string
  /** manual (labelled by a member), phase and ended (automatic), restore-point. */
  kind: 'manual' | 'phase' | 'ended' | 'restore-point'
  label: string
  /** Null for automatic snapshots. */
  author_id: string | null
  /** The meeting's current phase when the snapshot was taken. */
  phase_index: number
  /** Time the timer had run in each phase (ms) when the snapshot was taken, as JSON, or null. */
  actual_ms_json: string | null
  /** The document as one Yjs update, deflated with node:zlib. */
  state: Uint8Array
  created_at: number
}

/** A record of a user joining a meeting's room while it was not ended. */
export interface MeetingAttendanceTable {
  meeting_id: string
  user_id: string
  role: 'facilitator' | 'member' | 'observer'
  first_joined_at: number
  last_joined_at: number
}

/** A meeting's timer: a `TimerModel` from shared/timer.ts as JSON. */
export interface MeetingTimerTable {
  meeting_id: string
  state_json: string
  updated_by: string | null
  updated_at: number
}

/** A protocol template a team saved, usually edited from a copy of a built-in one. */
export interface TeamTemplateTable {
  id: string
  team_id: string
  name: string
  /** Id of the template it was copied from, if any. */
  based_on: string | null
  /** The phases as JSON. */
  phases_json: string
  created_by: string
  created_at: number
  updated_at: number
}

export interface SchemaMigrationTable {
  name: string
  applied_at: number
}

/** Per-meeting card settings; a meeting without a row has anonymity off. */
export interface MeetingCardSettingsTable {
  meeting_id: string
  /** 1 when new cards are written without their author. */
  anonymous: number
  updated_by: string | null
  updated_at: number
}

/** An action item of a team, created in a meeting or promoted from one of its cards. */
export interface NextStepTable {
  id: string
  team_id: string
  meeting_id: string
  card_id: string | null
  text: string
  /** Null only when the owner's account was deleted. */
  owner_id: string | null
  /** Calendar date, `YYYY-MM-DD`. */
  due_date: string
  done: number
  done_at: number | null
  done_by: string | null
  /** The meeting in which the step was ticked off, which may be a later one than `meeting_id`. */
  done_meeting_id: string | null
  created_by: string | null
  created_at: number
  updated_at: number
}
