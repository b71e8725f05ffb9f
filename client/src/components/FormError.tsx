import { Show } from 'solid-js'

export interface FormErrorProps {
  message?: string
}

/** Shows a form-level error, announced as soon as it appears. */
export function FormError(props: FormErrorProps) {
  return (
    <div role="alert" class="form-error-region">
      <Show when={props.message}>
        <p class="form-error">{props.message}</p>
      </Show>
    </div>
  )
}
