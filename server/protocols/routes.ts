import { Hono } from 'hono'
import { generateIdFromEntropySize } from 'lucia'
import { z } from 'zod'

import { protocolTemplates } from '../../shared/protocols'
import type { AppEnv } from '../http/env'
import { fail, readJson } from '../http/errors'
import { requireTeamRole } from '../teams/access'
import { buildPhases, phasesSchema } from './phases-schema'
import { findTeamTemplate, listTeamTemplates, resolveProtocol } from './store'

const name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters')

const createBody = z
  .object({
    name,
    /** A built-in or team template to copy the phases from when `phases` is missing. */
    copyOf: z.string().min(1, 'must name a template').optional(),
    phases: phasesSchema.optional(),
  })
  .refine((body) => body.copyOf !== undefined || body.phases !== undefined, {
    message: 'give phases, or copyOf naming a template to copy them from',
  })

const updateBody = z
  .object({ name: name.optional(), phases: phasesSchema.optional() })
  .refine((body) => body.name !== undefined || body.phases !== undefined, {
    message: 'give a new name, new phases or both',
  })

/**
 * Serves a team's own protocol templates, made by copying and editing built-in ones. Members
 * and observers can read them, and facilitators create, change and delete them.
 */
export function teamTemplateRoutes() {
  const routes = new Hono<AppEnv>()

  routes.get('/teams/:teamId/templates', async (c) => {
    const teamId = c.req.param('teamId')
    await requireTeamRole(c, teamId)
    return c.json(await listTeamTemplates(c.var.services.db, teamId))
  })

  // Built-in and team templates together, for choosing a meeting's protocol.
  routes.get('/teams/:teamId/protocols', async (c) => {
    const teamId = c.req.param('teamId')
    await requireTeamRole(c, teamId)
    const own = await listTeamTemplates(c.var.services.db, teamId)
    return c.json([
      ...protocolTemplates.map((template) => ({ ...template, source: 'built-in' })),
      ...own.map((template) => ({ ...template, source: 'team' })),
    ])
  })

  routes.get('/teams/:teamId/templates/:templateId', async (c) => {
    const teamId = c.req.param('teamId')
    await requireTeamRole(c, teamId)
    const template = await findTeamTemplate(c.var.services.db, teamId, c.req.param('templateId'))
    if (!template) fail(404, 'template not found')
    return c.json(template)
  })

  routes.post('/teams/:teamId/templates', async (c) => {
    const teamId = c.req.param('teamId')
    const { user } = await requireTeamRole(c, teamId, 'facilitator')
    const body = await readJson(c, createBody)
    const { db, logger } = c.var.services

    let phaseInput = body.phases
    if (body.copyOf !== undefined) {
      const source = await resolveProtocol(db, teamId, body.copyOf)
      if (!source) fail(400, `unknown template "${body.copyOf}" in copyOf`)
      phaseInput ??= source.phases
    }
    const phases = buildPhases(phaseInput!)
    if (typeof phases === 'string') fail(400, phases)

    const now = Date.now()
    const id = `team-${generateIdFromEntropySize(10)}`
    await db
      .insertInto('team_templates')
      .values({
        id,
        team_id: teamId,
        name: body.name,
        based_on: body.copyOf ?? null,
        phases_json: JSON.stringify(phases),
        created_by: user.id,
        created_at: now,
        updated_at: now,
      })
      .execute()

    logger.info({ teamId, templateId: id, userId: user.id }, 'team template created')
    return c.json(await findTeamTemplate(db, teamId, id), 201)
  })

  routes.put('/teams/:teamId/templates/:templateId', async (c) => {
    const teamId = c.req.param('teamId')
    const templateId = c.req.param('templateId')
    const { user } = await requireTeamRole(c, teamId, 'facilitator')
    const { db, logger } = c.var.services

    const existing = await findTeamTemplate(db, teamId, templateId)
    if (!existing) fail(404, 'template not found')
    const body = await readJson(c, updateBody)

    const update: { name?: string; phases_json?: string; updated_at: number } = {
      updated_at: Date.now(),
    }
    if (body.name !== undefined) update.name = body.name
    if (body.phases !== undefined) {
      const phases = buildPhases(body.phases)
      if (typeof phases === 'string') fail(400, phases)
      update.phases_json = JSON.stringify(phases)
    }
    await db
      .updateTable('team_templates')
      .set(update)
      .where('team_id', '=', teamId)
      .where('id', '=', templateId)
      .execute()

    logger.info({ teamId, templateId, userId: user.id }, 'team template changed')
    return c.json(await findTeamTemplate(db, teamId, templateId))
  })

  routes.delete('/teams/:teamId/templates/:templateId', async (c) => {
    const teamId = c.req.param('teamId')
    const templateId = c.req.param('templateId')
    const { user } = await requireTeamRole(c, teamId, 'facilitator')

    const result = await c.var.services.db
      .deleteFrom('team_templates')
      .where('team_id', '=', teamId)
      .where('id', '=', templateId)
      .executeTakeFirst()
    if (Number(result.numDeletedRows) === 0) fail(404, 'template not found')

    c.var.services.logger.info({ teamId, templateId, userId: user.id }, 'team template deleted')
    return c.body(null, 204)
  })

  return routes
}
