import { describe, expect, it } from 'vitest'

import { ApiClient, setupMeeting } from './support/http'
import { makeDataDir, spawnServer, startTestServer } from './support/server'

describe('timer across restarts', () => {
  it('resumes a running phase at the right time after kill -9', async () => {
    const dataDir = makeDataDir()
    const first = await spawnServer({ DATA_DIR: dataDir })
    const { facilitator, meetingId } = await setupMeeting(first.url)
    const timerPath = `/api/meetings/${meetingId}/timer`

    await facilitator.request('POST', timerPath, { action: 'start' })
    const running = await facilitator.request('POST', timerPath, { action: 'next' })
    expect(running.body.status).toBe('running')

    first.child.kill('SIGKILL')
    await first.exited

    const second = await spawnServer({ DATA_DIR: dataDir })
    try {
      const again = new ApiClient(second.url)
      again.cookie = facilitator.cookie
      const after = await again.request('GET', timerPath)
      expect(after.status).toBe(200)
      expect(after.body.status).toBe('running')
      expect(after.body.phaseIndex).toBe(1)
      expect(after.body.endsAt).toBe(running.body.endsAt)
      // The clock kept running while the server was down: the remaining time is measured from
      // the stored end time, not from where the process stopped.
      const elapsed = after.body.serverNow - running.body.serverNow
      expect(after.body.remainingMs).toBe(running.body.remainingMs - elapsed)
      expect(after.body.actualMs[0]).toBe(running.body.actualMs[0])
    } finally {
      second.child.kill('SIGTERM')
      await second.exited
    }
  })

  it('keeps a paused phase paused across a clean restart', async () => {
    const dataDir = makeDataDir()
    const first = await startTestServer({ dataDir })
    const { facilitator, meetingId } = await setupMeeting(first.url)
    const timerPath = `/api/meetings/${meetingId}/timer`

    await facilitator.request('POST', timerPath, { action: 'start' })
    await facilitator.request('POST', timerPath, { action: 'extend', seconds: 120 })
    const paused = await facilitator.request('POST', timerPath, { action: 'pause' })
    await first.stop()

    const second = await startTestServer({ dataDir })
    try {
      const again = new ApiClient(second.url)
      again.cookie = facilitator.cookie
      const after = await again.request('GET', timerPath)
      expect(after.body.status).toBe('paused')
      expect(after.body.remainingMs).toBe(paused.body.remainingMs)
      expect(after.body.revision).toBe(paused.body.revision)

      const resumed = await again.request('POST', timerPath, { action: 'resume' })
      expect(resumed.body.remainingMs).toBe(paused.body.remainingMs)
    } finally {
      await second.stop()
    }
  })
})
