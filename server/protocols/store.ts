import { findProtocolTemplate, type Phase, type ProtocolTemplate } from '../../shared/protocols'
import type { Db } from '../storage/database'
import type { TeamTemplateTable } from '../storage/schema'

/** A protocol template saved by a team. */
export interface TeamTemplate extends ProtocolTemplate {
  teamId: string
  /** Id of the template it was copied from, if any. */
  basedOn: string | null
  createdAt: number
  updatedAt: number
}

export function toTeamTemplate(row: TeamTemplateTable): TeamTemplate {
  return {
    id: row.id,
    teamId: row.team_id,
    name: row.name,
    basedOn: row.based_on,
    phases: JSON.parse(row.phases_json) as Phase[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export async function listTeamTemplates(db: Db, teamId: string): Promise<TeamTemplate[]> {
  const rows = await db
    .selectFrom('team_templates')
    .selectAll()
    .where('team_id', '=', teamId)
    .orderBy('name')
    .execute()
  return rows.map(toTeamTemplate)
}

export async function findTeamTemplate(
  db: Db,
  teamId: string,
  templateId: string,
): Promise<TeamTemplate | null> {
  const row = await db
    .selectFrom('team_templates')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('id', '=', templateId)
    .executeTakeFirst()
  return row ? toTeamTemplate(row) : null
}

/** Finds a built-in template, or one of the team's own, by id. */
export async function resolveProtocol(
  db: Db,
  teamId: string,
  protocolId: string,
): Promise<ProtocolTemplate | null> {
  return findProtocolTemplate(protocolId) ?? (await findTeamTemplate(db, teamId, protocolId))
}
