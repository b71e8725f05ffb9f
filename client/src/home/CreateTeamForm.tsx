import { useNavigate } from '@solidjs/router'
import { createSignal } from 'solid-js'

import { api } from '../api'
import { Field } from '../components/Field'
import { FormError } from '../components/FormError'
import { createFormErrors, focusFirstInvalid } from '../components/form-errors'

/** Creates a team, with the user as its facilitator, and opens it. */
export function CreateTeamForm() {
  const navigate = useNavigate()
  const errors = createFormErrors(['name'])
  const [busy, setBusy] = createSignal(false)

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const data = new FormData(form)
    if (errors.checkRequired(data, ['name'])) return focusFirstInvalid(form)
    setBusy(true)
    try {
      const team = await api.post<{ id: string }>('/api/teams', { name: data.get('name') })
      navigate(`/teams/${team.id}`)
    } catch (error) {
      errors.show(error)
      focusFirstInvalid(form)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="card form" aria-labelledby="create-team-title" onSubmit={submit} novalidate>
      <h2 id="create-team-title">Create a team</h2>
      <Field
        label="Team name"
        name="name"
        required
        maxLength={100}
        placeholder="Grade 5 literacy"
        error={errors.fieldError('name')}
      />
      <FormError message={errors.formError()} />
      <button type="submit" class="button button--primary" disabled={busy()}>
        {busy() ? 'Creating…' : 'Create team'}
      </button>
    </form>
  )
}
