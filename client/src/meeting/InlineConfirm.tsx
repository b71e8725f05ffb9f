import { createUniqueId, onMount, Show, type JSX } from 'solid-js'

import './inline-confirm.css'

export interface InlineConfirmProps {
  /** The question, naming what happens to whom. */
  question: JSX.Element
  confirmLabel: string
  /** Shown on the confirm button while the action runs. */
  busyLabel?: string
  busy?: boolean
  error?: string
  onConfirm: () => void
  onCancel: () => void
}

/**
 * Asks before a far-reaching action, in the page next to the button that asked. Focus moves to
 * Cancel, the safe choice; Escape cancels. The caller returns focus to its button on cancel.
 */
export function InlineConfirm(props: InlineConfirmProps) {
  const questionId = createUniqueId()
  let cancel: HTMLButtonElement | undefined

  onMount(() => cancel?.focus())

  return (
    <div
      class="inline-confirm"
      role="alertdialog"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        // An enclosing dialog would otherwise close as well.
        event.stopPropagation()
        props.onCancel()
      }}
    >
      <p id={questionId}>{props.question}</p>
      <div class="inline-confirm__buttons">
        <button
          type="button"
          class="button button--primary"
          disabled={props.busy}
          onClick={() => props.onConfirm()}
        >
          {props.busy && props.busyLabel ? props.busyLabel : props.confirmLabel}
        </button>
        <button
          ref={cancel}
          type="button"
          class="button"
          disabled={props.busy}
          onClick={() => props.onCancel()}
        >
          Cancel
        </button>
      </div>
      <Show when={props.error}>
        <p class="field__error" role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  )
}
