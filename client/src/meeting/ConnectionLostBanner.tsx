import { Show } from 'solid-js'

import { useMeeting } from './meeting-context'

/**
 * Says that the connection is lost while the room tries again, and that typing is kept. It
 * sits in the sticky strip at the top, so it stays in view while the user types further down.
 */
export function ConnectionLostBanner() {
  const { room } = useMeeting()
  const lost = () => room.status() === 'reconnecting' || room.status() === 'offline'

  return (
    <Show when={lost()}>
      <div class="banner" role="status" data-banner="connection-lost">
        <p>
          <strong>
            {room.status() === 'offline'
              ? 'You are offline.'
              : 'The connection to the server was lost. Trying to reconnect…'}
          </strong>{' '}
          What you type is kept on this device and sent when the connection returns.
        </p>
      </div>
    </Show>
  )
}
