import { Hono } from 'hono'
import { z } from 'zod'

import { maxExtendSeconds, timerActionNames, type TimerAction } from '../../shared/timer'
import type { AppEnv } from '../http/env'
import { fail, readJson } from '../http/errors'
import { requireMeetingRole } from '../teams/access'
import { changeTimer, readTimer } from './service'

const actionList = timerActionNames.join(', ')

const timerBody = z.object({
  action: z.enum(timerActionNames, { error: `must be one of ${actionList}` }),
  phaseIndex: z.unknown().optional(),
  seconds: z.unknown().optional(),
})

const phaseIndex = z.number({ error: 'must be a number' }).int('must be an integer').min(0)
const seconds = z
  .number({ error: 'must be a number' })
  .int('must be a whole number of seconds')
  .min(-maxExtendSeconds, `must be at least -${maxExtendSeconds}`)
  .max(maxExtendSeconds, `must be at most ${maxExtendSeconds}`)
  .refine((value) => value !== 0, 'must not be zero')

/** GET and POST /meetings/:meetingId/timer: the shared phase timer. */
export function timerRoutes() {
  const routes = new Hono<AppEnv>()

  routes.get('/meetings/:meetingId/timer', async (c) => {
    const { meeting } = await requireMeetingRole(c, c.req.param('meetingId'))
    return c.json(await readTimer(c.var.services, meeting))
  })

  routes.post('/meetings/:meetingId/timer', async (c) => {
    const { meeting, user } = await requireMeetingRole(c, c.req.param('meetingId'), 'facilitator')
    const body = await readJson(c, timerBody)

    const result = await changeTimer(c.var.services, meeting.id, toAction(body), user.id)
    if (!result.ok) fail(result.status, result.error)
    return c.json(result.state)
  })

  return routes
}

function toAction(body: z.infer<typeof timerBody>): TimerAction {
  switch (body.action) {
    case 'goto':
      return { action: 'goto', phaseIndex: readField('phaseIndex', phaseIndex, body.phaseIndex) }
    case 'extend':
      return { action: 'extend', seconds: readField('seconds', seconds, body.seconds) }
    default:
      return { action: body.action }
  }
}

function readField<T>(name: string, schema: z.ZodType<T>, value: unknown): T {
  if (value === undefined) fail(400, `missing ${name}`)
  const result = schema.safeParse(value)
  if (!result.success) fail(400, `invalid ${name}: ${result.error.issues[0].message}`)
  return result.data
}
