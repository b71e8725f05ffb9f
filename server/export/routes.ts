import { Hono } from 'hono'

import type { AppEnv } from '../http/env'
import { fail } from '../http/errors'
import { readMeetingState } from '../snapshots/document-state'
import { findSnapshot } from '../snapshots/store'
import { snapshotAuthor } from '../snapshots/summary'
import { requireMeetingRole } from '../teams/access'
import { isKnownTimeZone } from './format'
import { buildMeetingRecord, type RecordInput } from './record'
import { recordToHtml } from './record-html'
import { recordToMarkdown } from './record-markdown'

/**
 * Serves the meeting record: `?format=md` (the default) or `html`, of the live meeting or of
 * `snapshotId`, with times in `tz` (an IANA zone, UTC by default). Observers may export too.
 */
export function exportRoutes() {
  const routes = new Hono<AppEnv>()

  routes.get('/meetings/:meetingId/export', async (c) => {
    const { meeting } = await requireMeetingRole(c, c.req.param('meetingId'))
    const { services } = c.var

    const format = c.req.query('format') ?? 'md'
    if (format !== 'md' && format !== 'html') {
      fail(400, `invalid format "${format}": use md or html`)
    }
    const timeZone = c.req.query('tz') || 'UTC'
    if (!isKnownTimeZone(timeZone)) {
      fail(400, `invalid tz "${timeZone}": use an IANA time zone such as Europe/Paris`)
    }

    let input: RecordInput
    const snapshotId = c.req.query('snapshotId')
    if (snapshotId !== undefined) {
      const snapshot = await findSnapshot(services.db, meeting.id, snapshotId)
      if (!snapshot) fail(404, 'snapshot not found')
      input = {
        meeting,
        state: snapshot.state,
        actualMs: snapshot.actualMs,
        timeZone,
        source: {
          kind: 'snapshot',
          id: snapshot.id,
          label: snapshot.label,
          createdAt: snapshot.createdAt,
          author: snapshotAuthor(snapshot),
        },
      }
    } else {
      const state = await readMeetingState(services, meeting.id)
      input = { meeting, state, timeZone, source: { kind: 'live' } }
    }

    const record = await buildMeetingRecord(services, input)
    const name = fileName(meeting.title, snapshotId === undefined ? '' : '-snapshot')
    if (format === 'html') {
      return c.body(recordToHtml(record), 200, {
        'content-type': 'text/html; charset=utf-8',
        'content-disposition': `inline; filename="${name}.html"`,
      })
    }
    return c.body(recordToMarkdown(record), 200, {
      'content-type': 'text/markdown; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.md"`,
    })
  })

  return routes
}

/** Makes a file name safe in a quoted Content-Disposition value from a meeting title. */
function fileName(title: string, suffix: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase()
    .slice(0, 60)
  return (slug || 'meeting') + '-record' + suffix
}
