import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import type { UpgradeWebSocket, WSEvents } from 'hono/ws'
import type { WebSocket } from 'ws'

import { CloseCode, closeReasons, type MemberRole } from '../../shared/wire'
import type { AppEnv } from '../http/env'
import { isAllowedOrigin } from '../http/origin'
import { findMeeting, findRole } from '../teams/access'
import { SocketConnection } from './socket-connection'

interface Admission {
  teamId: string
  userId: string
  userName: string
  sessionId: string
  role: MemberRole
}

/**
 * Checks who may open a meeting's room. Refusals are sent as a close code right after the
 * upgrade, before any document byte: y-websocket retries forever after an HTTP error, but stops
 * on close codes 4400 to 4499.
 */
async function admit(c: Context<AppEnv>, meetingId: string): Promise<Admission | CloseCode> {
  const { auth, db, config } = c.var.services

  if (!isAllowedOrigin(c.req.header('origin'), c.req.header('host'), config.allowedOrigins)) {
    return CloseCode.OriginRejected
  }

  const sessionId = getCookie(c, auth.sessionCookieName)
  if (!sessionId) return CloseCode.Unauthenticated
  const { session, user } = await auth.validateSession(sessionId)
  if (!session) return CloseCode.Unauthenticated

  const meeting = await findMeeting(db, meetingId)
  if (!meeting) return CloseCode.MeetingNotFound
  const role = await findRole(db, meeting.teamId, user.id)
  if (!role) return CloseCode.Forbidden

  return {
    teamId: meeting.teamId,
    userId: user.id,
    userName: user.name,
    sessionId: session.id,
    role,
  }
}

/** The `/rooms/:meetingId` websocket handler. */
export function roomSocketRoute(upgradeWebSocket: UpgradeWebSocket<WebSocket>) {
  return upgradeWebSocket(async (c: Context<AppEnv>): Promise<WSEvents<WebSocket>> => {
    const { rooms, config, logger } = c.var.services
    const meetingId = c.req.param('meetingId') ?? ''
    const admission = await admit(c, meetingId)

    if (typeof admission === 'number') {
      logger.info({ meetingId, closeCode: admission }, 'room socket refused')
      return {
        onOpen: (_event, ws) => ws.close(admission, closeReasons[admission]),
      }
    }

    let connection: SocketConnection | undefined
    return {
      onOpen: (_event, ws) => {
        connection = new SocketConnection({
          ws,
          manager: rooms,
          meetingId,
          maxMessageBytes: config.maxMessageBytes,
          logger,
          ...admission,
        })
        void connection.open()
      },
      onMessage: (event) => connection?.receive(event.data),
      onClose: () => connection?.closed(),
      onError: (event) => logger.warn({ meetingId, err: event }, 'room socket error'),
    }
  })
}
