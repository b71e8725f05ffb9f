import { createSignal, Show } from 'solid-js'

import { ApiError } from '../api'

import { Field } from '../components/Field'
import { FormError } from '../components/FormError'
import { createFormErrors, focusFirstInvalid } from '../components/form-errors'
import { signIn } from '../session'
import type { User } from '../types'

export interface SignInFormProps {
  onSignedIn: (user: User) => void | Promise<void>
}

export function SignInForm(props: SignInFormProps) {
  const errors = createFormErrors(['email', 'password'])
  const [busy, setBusy] = createSignal(false)
  // Set after any rejected attempt, so the warning does not reveal whether an account exists.
  const [refused, setRefused] = createSignal(false)

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const data = new FormData(form)
    if (errors.checkRequired(data, ['email', 'password'])) return focusFirstInvalid(form)
    setBusy(true)
    try {
      const user = await signIn(String(data.get('email')), String(data.get('password')))
      await props.onSignedIn(user)
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 429)) {
        setRefused(true)
      }
      errors.show(error)
      focusFirstInvalid(form)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="card form" aria-labelledby="sign-in-title" onSubmit={submit} novalidate>
      <h2 id="sign-in-title">Sign in</h2>
      <Field
        label="Email"
        name="email"
        type="email"
        autocomplete="username"
        required
        error={errors.fieldError('email')}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
        error={errors.fieldError('password')}
      />
      <FormError message={errors.formError()} />
      <Show when={refused()}>
        <p class="field__hint" role="note">
          Repeated failed attempts lock sign-in for this email for a while, so check the email and
          password before trying again.
        </p>
      </Show>
      <button type="submit" class="button button--primary" disabled={busy()}>
        {busy() ? 'Signing in…' : 'Sign in'}
      </button>
      <p class="field__hint">
        Forgot your password? There is no reset by email, so ask a facilitator of your team or the
        administrator of this server for help.
      </p>
    </form>
  )
}
