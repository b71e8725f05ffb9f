import type { MeetingEvents } from '../events'
import type { Services } from '../services'
import { findMeeting } from '../teams/access'
import { applySnapshotRetention } from './retention'
import { takeSnapshot } from './take'

/** How often every meeting's snapshots are thinned by the retention rule. */
const retentionSweepMs = 60 * 60 * 1000

export interface SnapshotService {
  /** Stops listening and waits for the snapshots being taken. */
  stop(): Promise<void>
}

/**
 * Takes automatic snapshots at every phase change and when a meeting ends, and applies the
 * retention rule at start-up, hourly and after each automatic snapshot.
 */
export function startSnapshotService(services: Services): SnapshotService {
  const { events, logger, db } = services
  const inFlight = new Set<Promise<void>>()

  const track = (meetingId: string, work: () => Promise<void>) => {
    const running = work()
      .catch((error: unknown) =>
        logger.error({ err: error, meetingId }, 'automatic snapshot failed'),
      )
      .finally(() => inFlight.delete(running))
    inFlight.add(running)
  }

  const onPhaseChanged = (event: MeetingEvents['phase-changed'][0]) =>
    track(event.meetingId, async () => {
      const meeting = await findMeeting(db, event.meetingId)
      if (!meeting) return
      const from = meeting.phases[event.fromIndex]?.title ?? `phase ${event.fromIndex + 1}`
      const to = meeting.phases[event.toIndex]?.title ?? `phase ${event.toIndex + 1}`
      await takeSnapshot(services, meeting, {
        kind: 'phase',
        label: `${from} → ${to}`,
        authorId: null,
        // The content was written during the phase that just ended.
        phaseIndex: event.fromIndex,
      })
      await applySnapshotRetention(db, Date.now(), event.meetingId)
    })

  const onStateChanged = (event: MeetingEvents['state-changed'][0]) => {
    if (event.state !== 'ended') return
    track(event.meetingId, async () => {
      const meeting = await findMeeting(db, event.meetingId)
      if (!meeting) return
      await takeSnapshot(services, meeting, {
        kind: 'ended',
        label: 'Meeting ended',
        authorId: null,
      })
    })
  }

  const sweep = () =>
    track('*', async () => {
      const removed = await applySnapshotRetention(db, Date.now())
      if (removed > 0) logger.info({ removed }, 'old automatic snapshots thinned')
    })

  events.on('phase-changed', onPhaseChanged)
  events.on('state-changed', onStateChanged)
  sweep()
  const timer = setInterval(sweep, retentionSweepMs)
  timer.unref()

  return {
    async stop() {
      events.off('phase-changed', onPhaseChanged)
      events.off('state-changed', onStateChanged)
      clearInterval(timer)
      await Promise.allSettled([...inFlight])
    },
  }
}
