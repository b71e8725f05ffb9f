import { Hono, type Context } from 'hono'
import { z } from 'zod'

import {
  cardKindLabels,
  cardKinds,
  findCardMap,
  invitedCardKinds,
  readCard,
  type CardKind,
} from '../../shared/cards'
import type { Phase } from '../../shared/protocols'
import type { AppEnv } from '../http/env'
import { fail, readJson } from '../http/errors'
import { serverOrigin } from '../rooms/room'
import { requireMeetingRole, type MeetingRecord } from '../teams/access'
import { changeMeetingDocument, requireOpenMeeting } from './access'
import { announceAnonymity } from './activity'
import {
  addCard,
  deleteCard,
  editCard,
  groupCards,
  setVote,
  type CardActor,
  type CardResult,
} from './document'
import { createEditToken } from './edit-token'
import { readCardSettings, writeCardSettings } from './settings'

/** Header that carries the edit token of an anonymous card. */
export const editTokenHeader = 'x-card-edit-token'

const cardText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(2000, 'must be at most 2000 characters')
const groupTitle = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters')
const cardKind = z.enum(cardKinds, { error: `must be one of ${cardKinds.join(', ')}` })

const createBody = z.object({
  kind: cardKind,
  text: cardText,
  phaseId: z.string().min(1, 'must name a phase of the meeting'),
})

const editBody = z
  .object({
    text: cardText.optional(),
    kind: cardKind.optional(),
    hidden: z.boolean().optional(),
    addressed: z.boolean().optional(),
    group: groupTitle.nullable().optional(),
    phaseId: z.string().min(1).optional(),
    /** The edit token of an anonymous card, when not sent in the header. */
    editToken: z.string().optional(),
  })
  .refine(
    ({ editToken: _token, ...changes }) =>
      Object.values(changes).some((value) => value !== undefined),
    { message: 'names nothing to change (text, kind, hidden, addressed, group or phaseId)' },
  )

const groupBody = z.object({
  cardIds: z.array(z.string().min(1)).min(1, 'must name at least one card').max(200),
  title: groupTitle.nullable(),
})

const settingsBody = z.object({ anonymous: z.boolean() })

const deleteBody = z.object({ editToken: z.string().optional() })

/**
 * Feedback card routes. Clients never write cards into the document themselves: these routes
 * check the role and ownership, then the server writes the change into the live document.
 */
export function cardRoutes() {
  const routes = new Hono<AppEnv>()

  routes.get('/meetings/:meetingId/cards/settings', async (c) => {
    const { meeting } = await requireMeetingRole(c, c.req.param('meetingId'))
    return c.json(await readCardSettings(c.var.services.db, meeting.id))
  })

  routes.put('/meetings/:meetingId/cards/settings', async (c) => {
    const { meeting, user } = await requireOpenMeeting(c, c.req.param('meetingId'), 'facilitator')
    const body = await readJson(c, settingsBody)
    const { services } = c.var

    await writeCardSettings(services.db, meeting.id, body, user.id)
    announceAnonymity(services, meeting.id, body.anonymous)
    services.logger.info(
      { meetingId: meeting.id, userId: user.id, anonymous: body.anonymous },
      'card anonymity changed',
    )
    return c.json(body)
  })

  routes.post('/meetings/:meetingId/cards/group', async (c) => {
    const { meeting } = await requireOpenMeeting(c, c.req.param('meetingId'), 'facilitator')
    const body = await readJson(c, groupBody)
    const result = await changeMeetingDocument(c.var.services, meeting, (doc) =>
      groupCards(doc, [...new Set(body.cardIds)], body.title, serverOrigin),
    )
    return c.json(unwrap(result))
  })

  routes.post('/meetings/:meetingId/cards', async (c) => {
    const { meeting, user } = await requireOpenMeeting(c, c.req.param('meetingId'), 'member')
    const body = await readJson(c, createBody)
    const phase = requirePhase(meeting, body.phaseId)
    requireInvitedKind(phase, body.kind)

    const { services } = c.var
    const { anonymous } = await readCardSettings(services.db, meeting.id)
    const token = anonymous ? createEditToken() : null
    const card = await changeMeetingDocument(services, meeting, (doc) =>
      addCard(
        doc,
        {
          kind: body.kind,
          text: body.text,
          phaseId: phase.id,
          author: anonymous ? null : { id: user.id, name: user.name },
          editTokenHash: token?.hash ?? null,
          now: Date.now(),
        },
        serverOrigin,
      ),
    )

    // The log of an anonymous card leaves out who wrote it, like the document does.
    const author = anonymous ? {} : { userId: user.id }
    services.logger.info({ meetingId: meeting.id, cardId: card.id, ...author }, 'card posted')
    return c.json({ card, ...(token ? { editToken: token.token } : {}) }, 201)
  })

  routes.patch('/meetings/:meetingId/cards/:cardId', async (c) => {
    const access = await requireOpenMeeting(c, c.req.param('meetingId'), 'member')
    const { meeting } = access
    const { editToken, ...body } = await readJson(c, editBody)
    if (body.phaseId !== undefined) requirePhase(meeting, body.phaseId)

    const cardId = c.req.param('cardId')
    const result = await changeMeetingDocument(c.var.services, meeting, (doc) => {
      // An author's new kind must be one the card's phase invites; a facilitator may override.
      const found = findCardMap(doc, cardId)
      const current = found ? readCard(found.map) : null
      if (body.kind !== undefined && current && access.role !== 'facilitator') {
        const phase = meeting.phases.find((candidate) => candidate.id === current.phaseId)
        const problem = kindProblem(phase, body.kind)
        if (problem) return { ok: false, status: 400, error: problem } as const
      }
      return editCard(doc, cardId, actorOf(c, access, editToken), body, Date.now(), serverOrigin)
    })
    return c.json({ card: unwrap(result) })
  })

  routes.delete('/meetings/:meetingId/cards/:cardId', async (c) => {
    const access = await requireOpenMeeting(c, c.req.param('meetingId'), 'member')
    const cardId = c.req.param('cardId')
    const { editToken } = await readOptionalJson(c, deleteBody)
    const result = await changeMeetingDocument(c.var.services, access.meeting, (doc) =>
      deleteCard(doc, cardId, actorOf(c, access, editToken), serverOrigin),
    )
    unwrap(result)
    return c.json({ id: cardId })
  })

  for (const method of ['put', 'delete'] as const) {
    routes[method]('/meetings/:meetingId/cards/:cardId/vote', async (c) => {
      const { meeting, user } = await requireOpenMeeting(c, c.req.param('meetingId'), 'member')
      const cardId = c.req.param('cardId')
      const voted = method === 'put'
      const result = await changeMeetingDocument(c.var.services, meeting, (doc) =>
        setVote(doc, cardId, user.id, voted, Date.now(), serverOrigin),
      )
      return c.json({ card: unwrap(result) })
    })
  }

  return routes
}

/** Builds the actor of a request; the edit token comes from the header or else the body. */
function actorOf(
  c: Context<AppEnv>,
  access: { user: { id: string }; role: CardActor['role'] },
  bodyToken: string | undefined,
): CardActor {
  const editToken = c.req.header(editTokenHeader) ?? bodyToken
  return { userId: access.user.id, role: access.role, ...(editToken ? { editToken } : {}) }
}

function requirePhase(meeting: MeetingRecord, phaseId: string): Phase {
  const phase = meeting.phases.find((candidate) => candidate.id === phaseId)
  if (!phase) {
    const known = meeting.phases.map((candidate) => candidate.id).join(', ')
    fail(400, `invalid phaseId: "${phaseId}" is not a phase of this meeting (${known})`)
  }
  return phase
}

function requireInvitedKind(phase: Phase, kind: CardKind): void {
  const problem = kindProblem(phase, kind)
  if (problem) fail(400, problem)
}

function kindProblem(phase: Phase | undefined, kind: CardKind): string | null {
  const invited = invitedCardKinds(phase)
  if (invited.includes(kind)) return null
  const names = invited.map((candidate) => `${candidate} (${cardKindLabels[candidate]})`)
  return `invalid kind: phase "${phase?.title}" invites ${names.join(', ')}, not ${kind}`
}

/** Like `readJson`, for a body that may be left out entirely. */
async function readOptionalJson<T>(c: Context<AppEnv>, schema: z.ZodType<T>): Promise<T> {
  const text = await c.req.raw.clone().text()
  if (text.trim() === '') return schema.parse({})
  return readJson(c, schema)
}

function unwrap<T>(result: CardResult<T> | { ok: false; status: 400; error: string }): T {
  if (!result.ok) fail(result.status, result.error)
  return result.value
}
