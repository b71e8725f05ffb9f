import { createSignal } from 'solid-js'

import { ApiError, asSentence, errorMessage } from '../api'

/**
 * Error state of one form: an API error that names one of `fields` goes next to that field,
 * any other error goes above the submit button.
 */
export function createFormErrors(fields: readonly string[]) {
  const [fieldErrors, setFieldErrors] = createSignal<Record<string, string>>({})
  const [form, setForm] = createSignal<string>()

  return {
    fieldError: (name: string): string | undefined => fieldErrors()[name],
    formError: form,
    clear() {
      setFieldErrors({})
      setForm(undefined)
    },
    /**
     * Marks every named field whose value is blank, before a request the server would reject
     * anyway, so that all of them show at once. Returns whether any was blank.
     */
    checkRequired(data: FormData, required: readonly string[]): boolean {
      const blank: Record<string, string> = {}
      for (const name of required) {
        if (String(data.get(name) ?? '').trim() === '') blank[name] = 'Required.'
      }
      setFieldErrors(blank)
      setForm(undefined)
      return Object.keys(blank).length > 0
    },
    show(error: unknown) {
      if (error instanceof ApiError && error.field && fields.includes(error.field)) {
        setFieldErrors({ [error.field]: asSentence(error.fieldMessage) })
        setForm(undefined)
      } else {
        setFieldErrors({})
        setForm(errorMessage(error))
      }
    },
  }
}

/** Moves focus to the first invalid field, so keyboard and screen reader users land on it. */
export function focusFirstInvalid(form: HTMLFormElement): void {
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
}
