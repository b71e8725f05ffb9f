import { request } from '../api'
import type { Phase } from '../types'

/** A protocol as `GET /api/teams/:teamId/protocols` lists it. */
export interface TeamProtocol {
  id: string
  name: string
  phases: Phase[]
  /** `built-in` for the library's templates, `team` for the team's own. */
  source: 'built-in' | 'team'
  basedOn?: string | null
}

export interface TemplateDraft {
  name: string
  phases: Phase[]
  /** The template the draft was copied from, when it is new. */
  copyOf?: string
}

function templatesPath(teamId: string): string {
  return `/api/teams/${encodeURIComponent(teamId)}/templates`
}

/** Saves a draft as a new team template, or over an existing one when `templateId` is set. */
export function saveTemplate(teamId: string, draft: TemplateDraft, templateId?: string) {
  // Phases added in the editor have no id yet; the server makes one from the title.
  const phases = draft.phases.map((phase) => (phase.id ? phase : { ...phase, id: undefined }))
  if (templateId) {
    const path = `${templatesPath(teamId)}/${encodeURIComponent(templateId)}`
    return request<TeamProtocol>('PUT', path, { name: draft.name, phases })
  }
  return request<TeamProtocol>('POST', templatesPath(teamId), {
    name: draft.name,
    phases,
    copyOf: draft.copyOf,
  })
}

export function deleteTemplate(teamId: string, templateId: string) {
  return request<null>('DELETE', `${templatesPath(teamId)}/${encodeURIComponent(templateId)}`)
}
