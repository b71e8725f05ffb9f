import { createUniqueId, Show, type JSX } from 'solid-js'

export interface FieldProps {
  label: string
  name: string
  type?: string
  autocomplete?: string
  required?: boolean
  maxLength?: number
  placeholder?: string
  /** A message shown under the input and announced with it, such as the server's reason. */
  error?: string
  hint?: string
  onInput?: JSX.EventHandler<HTMLInputElement, InputEvent>
}

/** Renders a labelled input with its hint and error tied to it for assistive technology. */
export function Field(props: FieldProps) {
  const id = createUniqueId()
  const describedBy = () =>
    [props.error ? `${id}-error` : '', props.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') ||
    undefined

  return (
    <div class="field" classList={{ 'field--invalid': Boolean(props.error) }}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        autocomplete={props.autocomplete}
        required={props.required}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy()}
        onInput={(event) => props.onInput?.(event)}
      />
      <Show when={props.hint}>
        <p class="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field__error" id={`${id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  )
}
