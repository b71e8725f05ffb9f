import { Hono } from 'hono'
import { z } from 'zod'

import { readCards } from '../../shared/cards'
import { notesFragmentName } from '../../shared/protocols'
import { notesToHtml } from '../export/notes-html'
import { readNotes } from '../export/notes-tree'
import type { AppEnv } from '../http/env'
import { fail, readJson } from '../http/errors'
import { requireWritableMeeting } from '../meetings/lifecycle'
import { requireMeetingRole } from '../teams/access'
import { docFromState } from './document-state'
import { restoreSnapshot } from './restore'
import { countSnapshots, findSnapshot, listSnapshots } from './store'
import { toListing } from './summary'
import { takeSnapshot } from './take'

/** Labelled snapshots are kept for good, so one meeting's are capped to bound its storage. */
export const maxLabelledSnapshots = 200

const snapshotBody = z.object({
  label: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
})

/** Listing, saving, viewing and restoring a meeting's snapshots. */
export function snapshotRoutes() {
  const routes = new Hono<AppEnv>()

  routes.get('/meetings/:meetingId/snapshots', async (c) => {
    const { meeting } = await requireMeetingRole(c, c.req.param('meetingId'))
    const snapshots = await listSnapshots(c.var.services.db, meeting.id)
    return c.json(snapshots.map((snapshot) => toListing(snapshot, meeting)))
  })

  routes.post('/meetings/:meetingId/snapshots', async (c) => {
    const { user, meeting } = await requireWritableMeeting(c, c.req.param('meetingId'))
    const body = await readJson(c, snapshotBody)
    if ((await countSnapshots(c.var.services.db, meeting.id, 'manual')) >= maxLabelledSnapshots) {
      fail(409, `this meeting already has ${maxLabelledSnapshots} labelled snapshots, the maximum`)
    }
    const id = await takeSnapshot(c.var.services, meeting, {
      kind: 'manual',
      label: body.label,
      authorId: user.id,
    })
    return c.json({ id }, 201)
  })

  // The read-only view of one snapshot: each phase's notes as escaped HTML, and the cards.
  routes.get('/meetings/:meetingId/snapshots/:snapshotId', async (c) => {
    const { meeting } = await requireMeetingRole(c, c.req.param('meetingId'))
    const snapshot = await findSnapshot(c.var.services.db, meeting.id, c.req.param('snapshotId'))
    if (!snapshot) fail(404, 'snapshot not found')

    const doc = docFromState(snapshot.state)
    try {
      return c.json({
        ...toListing(snapshot, meeting),
        actualMs: snapshot.actualMs,
        phases: meeting.phases.map((phase) => ({
          id: phase.id,
          title: phase.title,
          notesHtml: notesToHtml(readNotes(doc.getXmlFragment(notesFragmentName(phase.id)))),
        })),
        cards: readCards(doc).filter((card) => !card.hidden),
      })
    } finally {
      doc.destroy()
    }
  })

  // The snapshot's document as one Yjs update, for clients that render it with their editor.
  routes.get('/meetings/:meetingId/snapshots/:snapshotId/state', async (c) => {
    const { meeting } = await requireMeetingRole(c, c.req.param('meetingId'))
    const snapshot = await findSnapshot(c.var.services.db, meeting.id, c.req.param('snapshotId'))
    if (!snapshot) fail(404, 'snapshot not found')

    return c.body(snapshot.state as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/octet-stream',
    })
  })

  routes.post('/meetings/:meetingId/snapshots/:snapshotId/restore', async (c) => {
    const { user, meeting } = await requireWritableMeeting(
      c,
      c.req.param('meetingId'),
      'facilitator',
    )
    const snapshot = await findSnapshot(c.var.services.db, meeting.id, c.req.param('snapshotId'))
    if (!snapshot) fail(404, 'snapshot not found')

    const result = await restoreSnapshot(c.var.services, meeting, snapshot, user.id)
    return c.json({ restoredId: snapshot.id, restorePointId: result.restorePointId })
  })

  return routes
}
