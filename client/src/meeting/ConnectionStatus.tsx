import type { ConnectionStatus as Status } from './room-connection'

export interface ConnectionStatusProps {
  status: Status
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
  return (
    <p class={`connection connection--${props.status}`} role="status" data-status={props.status}>
      <span class="connection__dot" aria-hidden="true" />
      {labels[props.status]}
    </p>
  )
}
