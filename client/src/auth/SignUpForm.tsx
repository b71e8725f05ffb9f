import { createSignal } from 'solid-js'

import { Field } from '../components/Field'
import { FormError } from '../components/FormError'
import { createFormErrors, focusFirstInvalid } from '../components/form-errors'
import { signUp } from '../session'
import type { User } from '../types'

export interface SignUpFormProps {
  onSignedIn: (user: User) => void | Promise<void>
}

export function SignUpForm(props: SignUpFormProps) {
  const errors = createFormErrors(['name', 'email', 'password'])
  const [busy, setBusy] = createSignal(false)

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const data = new FormData(form)
    if (errors.checkRequired(data, ['name', 'email', 'password'])) return focusFirstInvalid(form)
    setBusy(true)
    try {
      const user = await signUp(
        String(data.get('name')),
        String(data.get('email')),
        String(data.get('password')),
      )
      await props.onSignedIn(user)
    } catch (error) {
      errors.show(error)
      focusFirstInvalid(form)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="card form" aria-labelledby="sign-up-title" onSubmit={submit} novalidate>
      <h2 id="sign-up-title">Create an account</h2>
      <Field
        label="Name"
        name="name"
        autocomplete="name"
        required
        maxLength={100}
        error={errors.fieldError('name')}
      />
      <Field
        label="Email"
        name="email"
        type="email"
        autocomplete="email"
        required
        error={errors.fieldError('email')}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autocomplete="new-password"
        required
        hint="At least 8 characters."
        error={errors.fieldError('password')}
      />
      <FormError message={errors.formError()} />
      <button type="submit" class="button button--primary" disabled={busy()}>
        {busy() ? 'Creating account…' : 'Create account'}
      </button>
    </form>
  )
}
