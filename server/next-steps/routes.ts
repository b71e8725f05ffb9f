import { Hono, type Context } from 'hono'
import { generateIdFromEntropySize } from 'lucia'
import { z } from 'zod'

import { findCardMap, isCalendarDate, readCard } from '../../shared/cards'
import { changeMeetingDocument, requireOpenMeeting } from '../cards/access'
import { announceNextStepsChanged } from '../cards/activity'
import { linkNextStep } from '../cards/document'
import type { AppEnv } from '../http/env'
import { fail, readJson } from '../http/errors'
import { serverOrigin } from '../rooms/room'
import { findRole, requireMeetingRole, requireTeamRole, type MeetingRecord } from '../teams/access'
import {
  deleteNextStep,
  findNextStep,
  insertNextStep,
  isShownIn,
  listMeetingNextSteps,
  listTeamNextSteps,
  publicStep,
  updateNextStep,
  type NextStepChanges,
} from './store'

const stepText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(500, 'must be at most 500 characters')
const ownerId = z.string().min(1, 'must name a member of the team')
const dueDate = z
  .string()
  .refine(isCalendarDate, 'must be a real calendar date written YYYY-MM-DD, such as 2026-05-29')

const createBody = z.object({ text: stepText, ownerId, dueDate })
const promoteBody = z.object({ text: stepText.optional(), ownerId, dueDate })
const editBody = z
  .object({
    text: stepText.optional(),
    ownerId: ownerId.optional(),
    dueDate: dueDate.optional(),
    done: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'names nothing to change (text, ownerId, dueDate or done)',
  })

type PromoteCheck = { ok: true; text: string } | { ok: false; status: 404 | 409; error: string }

/** Next steps of a meeting and of a team, and promoting a card to one. */
export function nextStepRoutes() {
  const routes = new Hono<AppEnv>()

  routes.get('/teams/:teamId/next-steps', async (c) => {
    const teamId = c.req.param('teamId')
    await requireTeamRole(c, teamId)
    const status = c.req.query('status') ?? 'open'
    if (status !== 'open' && status !== 'all') fail(400, 'invalid status: use open or all')

    const steps = await listTeamNextSteps(c.var.services.db, teamId, status === 'all')
    return c.json(steps.map(publicStep))
  })

  routes.get('/meetings/:meetingId/next-steps', async (c) => {
    const { meeting } = await requireMeetingRole(c, c.req.param('meetingId'))
    const steps = await listMeetingNextSteps(c.var.services.db, meeting)
    return c.json(steps.map(publicStep))
  })

  routes.post('/meetings/:meetingId/next-steps', async (c) => {
    const { meeting, user } = await requireOpenMeeting(c, c.req.param('meetingId'), 'member')
    const body = await readJson(c, createBody)
    await requireOwner(c, meeting, body.ownerId)

    const id = generateIdFromEntropySize(10)
    await insertNextStep(c.var.services.db, {
      id,
      team_id: meeting.teamId,
      meeting_id: meeting.id,
      card_id: null,
      text: body.text,
      owner_id: body.ownerId,
      due_date: body.dueDate,
      created_by: user.id,
    })
    return c.json(await afterChange(c, meeting, id, user.id, 'next step created'), 201)
  })

  routes.post('/meetings/:meetingId/cards/:cardId/promote', async (c) => {
    const { meeting, user } = await requireOpenMeeting(c, c.req.param('meetingId'), 'facilitator')
    const body = await readJson(c, promoteBody)
    await requireOwner(c, meeting, body.ownerId)

    // Linking the card first, in one synchronous change, means two promotions of the same card
    // cannot both pass the check.
    const cardId = c.req.param('cardId')
    const id = generateIdFromEntropySize(10)
    const linked = await changeMeetingDocument(c.var.services, meeting, (doc): PromoteCheck => {
      const found = findCardMap(doc, cardId)
      const card = found ? readCard(found.map) : null
      if (!card) return { ok: false, status: 404, error: `card ${cardId} not found` }
      if (card.nextStepId) {
        return { ok: false, status: 409, error: 'this card was already promoted to a next step' }
      }
      linkNextStep(doc, cardId, id, serverOrigin)
      return { ok: true, text: card.text }
    })
    if (!linked.ok) fail(linked.status, linked.error)

    try {
      await insertNextStep(c.var.services.db, {
        id,
        team_id: meeting.teamId,
        meeting_id: meeting.id,
        card_id: cardId,
        text: body.text ?? linked.text.slice(0, 500),
        owner_id: body.ownerId,
        due_date: body.dueDate,
        created_by: user.id,
      })
    } catch (error) {
      await changeMeetingDocument(c.var.services, meeting, (doc) =>
        linkNextStep(doc, cardId, null, serverOrigin),
      )
      throw error
    }
    return c.json(await afterChange(c, meeting, id, user.id, 'card promoted to a next step'), 201)
  })

  routes.patch('/meetings/:meetingId/next-steps/:stepId', async (c) => {
    const { meeting, user } = await requireOpenMeeting(c, c.req.param('meetingId'), 'member')
    const body = await readJson(c, editBody)
    const step = await requireShownStep(c, meeting)
    if (body.ownerId !== undefined) await requireOwner(c, meeting, body.ownerId)

    const changes: NextStepChanges = {}
    if (body.text !== undefined) changes.text = body.text
    if (body.ownerId !== undefined) changes.owner_id = body.ownerId
    if (body.dueDate !== undefined) changes.due_date = body.dueDate
    if (body.done !== undefined && body.done !== step.done) {
      changes.done = body.done ? 1 : 0
      changes.done_at = body.done ? Date.now() : null
      changes.done_by = body.done ? user.id : null
      changes.done_meeting_id = body.done ? meeting.id : null
    }

    await updateNextStep(c.var.services.db, step.id, changes)
    return c.json(await afterChange(c, meeting, step.id, user.id, 'next step changed'))
  })

  routes.delete('/meetings/:meetingId/next-steps/:stepId', async (c) => {
    const { meeting, user, role } = await requireOpenMeeting(c, c.req.param('meetingId'), 'member')
    const step = await requireShownStep(c, meeting)
    if (step.meetingId !== meeting.id) {
      fail(409, 'a next step from an earlier meeting can be ticked off here but not deleted')
    }
    if (role !== 'facilitator' && step.createdBy !== user.id) {
      fail(403, 'only the creator of a next step or a facilitator can delete it')
    }

    const { services } = c.var
    await deleteNextStep(services.db, step.id)
    const cardId = step.cardId
    if (cardId) {
      await changeMeetingDocument(services, meeting, (doc) =>
        linkNextStep(doc, cardId, null, serverOrigin),
      )
    }
    services.logger.info(
      { meetingId: meeting.id, userId: user.id, stepId: step.id },
      'next step deleted',
    )
    await announceNextStepsChanged(services, meeting.teamId)
    return c.json({ id: step.id })
  })

  return routes
}

async function requireOwner(c: Context<AppEnv>, meeting: MeetingRecord, userId: string) {
  const role = await findRole(c.var.services.db, meeting.teamId, userId)
  if (!role) fail(400, `invalid ownerId: user ${userId} is not a member of this team`)
}

async function requireShownStep(c: Context<AppEnv>, meeting: MeetingRecord) {
  const stepId = c.req.param('stepId') ?? ''
  const step = await findNextStep(c.var.services.db, stepId, meeting.id)
  if (!step || !isShownIn(step, meeting)) fail(404, `next step ${stepId} not found in this meeting`)
  return step
}

/** Logs a change, notifies the team's open rooms, and returns the step as this meeting lists it. */
async function afterChange(
  c: Context<AppEnv>,
  meeting: MeetingRecord,
  stepId: string,
  userId: string,
  message: string,
) {
  const { services } = c.var
  services.logger.info({ meetingId: meeting.id, userId, stepId }, message)
  await announceNextStepsChanged(services, meeting.teamId)

  const step = await findNextStep(services.db, stepId, meeting.id)
  if (!step) fail(404, `next step ${stepId} not found; it may have been deleted`)
  return publicStep(step)
}
