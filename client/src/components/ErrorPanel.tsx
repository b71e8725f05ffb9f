import { A } from '@solidjs/router'
import { Show } from 'solid-js'

import { ApiError, errorMessage } from '../api'

export interface ErrorPanelProps {
  title?: string
  error: unknown
  /** Tries the failed load again; no button is shown without it. */
  onRetry?: () => void
}

/**
 * Tells whether trying again cannot help, because the server rejected the request itself (not
 * found, forbidden, gone) rather than being busy (408 timeout, 429 too many requests).
 */
function isFinal(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false
  if (error.status === 408 || error.status === 429) return false
  return error.status >= 400 && error.status < 500
}

/**
 * Returns "team" or "meeting" when the whole page's subject is missing. The server returns the
 * same 404 for one that does not exist and one the user is not a member of, so that outsiders
 * cannot probe for ids. The explanation covers both cases.
 */
function missingSubject(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.status !== 404) return undefined
  return /^(team|meeting) not found$/.exec(error.message)?.[1]
}

/** Shows a failed load with its reason and a way on: try again, or back to the teams. */
export function ErrorPanel(props: ErrorPanelProps) {
  return (
    <div class="error-panel" role="alert">
      <Show
        when={missingSubject(props.error)}
        fallback={
          <>
            <p class="error-panel__title">{props.title ?? 'Something went wrong.'}</p>
            <p>{errorMessage(props.error)}</p>
          </>
        }
      >
        {(subject) => (
          <>
            <p class="error-panel__title">This {subject()} was not found.</p>
            <p>
              The link may be wrong, the {subject()} may no longer exist, or you are not a member of
              its team. A facilitator of the team can send you an invitation link.
            </p>
          </>
        )}
      </Show>
      <Show
        when={!isFinal(props.error) && props.onRetry}
        fallback={
          <Show when={isFinal(props.error)}>
            <A class="button" href="/">
              Go to your teams
            </A>
          </Show>
        }
      >
        <button type="button" class="button" onClick={() => props.onRetry?.()}>
          Try again
        </button>
      </Show>
    </div>
  )
}
