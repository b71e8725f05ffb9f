import type { ConnectionStatus as Status } from './room-connection'

export interface ConnectionStatusProps {
  status: Status
  /** An ended meeting says so instead of "Live", which would suggest it still runs. */
  ended?: boolean
}

const labels: Record<Status, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline: changes sync when you are back online',
  closed: 'Disconnected',
}

/** Shows the room connection's state, announced politely when it changes. */
export function ConnectionStatus(props: ConnectionStatusProps) {
  // A lost or closed connection still matters after the end, so only "Live" gives way.
  const showEnded = () => props.ended && props.status === 'live'
  return (
    <p
      class={`connection connection--${showEnded() ? 'ended' : props.status}`}
      role="status"
      data-status={props.status}
    >
      <span class="connection__dot" aria-hidden="true" />
      {showEnded() ? 'Ended' : labels[props.status]}
    </p>
  )
}
