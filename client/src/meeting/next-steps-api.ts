import type { NextStep } from '../../../shared/cards'
import { api, request } from '../api'
import type { Member } from '../types'

export type { NextStep }

export interface NextStepInput {
  text: string
  ownerId: string
  /** `YYYY-MM-DD`. */
  dueDate: string
}

function meetingPath(meetingId: string): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}`
}

/** Lists a meeting's next steps, with the open ones carried forward from earlier meetings. */
export function listMeetingSteps(meetingId: string): Promise<NextStep[]> {
  return api.get<NextStep[]>(`${meetingPath(meetingId)}/next-steps`)
}

export function listTeamOpenSteps(teamId: string): Promise<NextStep[]> {
  return api.get<NextStep[]>(`/api/teams/${encodeURIComponent(teamId)}/next-steps`)
}

export function listTeamMembers(teamId: string): Promise<Member[]> {
  return api.get<Member[]>(`/api/teams/${encodeURIComponent(teamId)}/members`)
}

export function createStep(meetingId: string, input: NextStepInput): Promise<NextStep> {
  return api.post<NextStep>(`${meetingPath(meetingId)}/next-steps`, input)
}

export function updateStep(
  meetingId: string,
  stepId: string,
  changes: Partial<NextStepInput> & { done?: boolean },
): Promise<NextStep> {
  return request<NextStep>('PATCH', `${meetingPath(meetingId)}/next-steps/${stepId}`, changes)
}

export async function deleteStep(meetingId: string, stepId: string): Promise<void> {
  await request('DELETE', `${meetingPath(meetingId)}/next-steps/${stepId}`)
}

export function promoteCard(
  meetingId: string,
  cardId: string,
  input: Partial<Pick<NextStepInput, 'text'>> & Omit<NextStepInput, 'text'>,
): Promise<NextStep> {
  return api.post<NextStep>(`${meetingPath(meetingId)}/cards/${cardId}/promote`, input)
}

/** Formats a `YYYY-MM-DD` due date for people, such as "Fri, May 29". */
export function formatDueDate(dueDate: string): string {
  const [year, month, day] = dueDate.split('-').map(Number)
  const date = new Date(year, month - 1, day)
  const sameYear = year === new Date().getFullYear()
  return date.toLocaleDateString(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
  })
}
