import { Show } from 'solid-js'

import { errorMessage } from '../api'

export interface ErrorPanelProps {
  title?: string
  error: unknown
  /** Tries the failed load again; no button is shown without it. */
  onRetry?: () => void
}

/** Shows a failed load with its reason and a way to try again. */
export function ErrorPanel(props: ErrorPanelProps) {
  return (
    <div class="error-panel" role="alert">
      <p class="error-panel__title">{props.title ?? 'Something went wrong.'}</p>
      <p>{errorMessage(props.error)}</p>
      <Show when={props.onRetry}>
        <button type="button" class="button" onClick={() => props.onRetry?.()}>
          Try again
        </button>
      </Show>
    </div>
  )
}
