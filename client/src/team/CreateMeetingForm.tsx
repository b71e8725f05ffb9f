import { useNavigate } from '@solidjs/router'
import { createSignal, createUniqueId, For, Show } from 'solid-js'

import { api } from '../api'
import { Field } from '../components/Field'
import { FormError } from '../components/FormError'
import { createFormErrors, focusFirstInvalid } from '../components/form-errors'
import type { Protocol } from '../types'

export interface CreateMeetingFormProps {
  teamId: string
  protocols: Protocol[]
}

/** Starts a meeting from a protocol template and opens it. */
export function CreateMeetingForm(props: CreateMeetingFormProps) {
  const navigate = useNavigate()
  const errors = createFormErrors(['title', 'protocolId'])
  const [busy, setBusy] = createSignal(false)
  const [protocolId, setProtocolId] = createSignal<string>()
  const selectId = createUniqueId()

  const selected = () =>
    props.protocols.find((protocol) => protocol.id === (protocolId() ?? props.protocols[0]?.id))

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const data = new FormData(form)
    if (errors.checkRequired(data, ['title'])) return focusFirstInvalid(form)
    setBusy(true)
    try {
      const meeting = await api.post<{ id: string }>(`/api/teams/${props.teamId}/meetings`, {
        title: data.get('title'),
        protocolId: data.get('protocolId'),
      })
      navigate(`/meetings/${meeting.id}`)
    } catch (error) {
      errors.show(error)
      focusFirstInvalid(form)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="card form" aria-labelledby="create-meeting-title" onSubmit={submit} novalidate>
      <h2 id="create-meeting-title">Start a meeting</h2>
      <Field
        label="Title"
        name="title"
        required
        maxLength={200}
        placeholder="Week 2: lesson tuning"
        error={errors.fieldError('title')}
      />
      <div class="field" classList={{ 'field--invalid': Boolean(errors.fieldError('protocolId')) }}>
        <label for={selectId}>Protocol</label>
        <select
          id={selectId}
          name="protocolId"
          onChange={(event) => setProtocolId(event.currentTarget.value)}
          aria-describedby={`${selectId}-phases`}
        >
          <For each={props.protocols}>
            {(protocol) => <option value={protocol.id}>{protocol.name}</option>}
          </For>
        </select>
        <Show when={selected()}>
          {(protocol) => (
            <p class="field__hint" id={`${selectId}-phases`}>
              {protocol()
                .phases.map((phase) => `${phase.title} ${phase.minutes} min`)
                .join(' · ')}
            </p>
          )}
        </Show>
        <Show when={errors.fieldError('protocolId')}>
          <p class="field__error">{errors.fieldError('protocolId')}</p>
        </Show>
      </div>
      <FormError message={errors.formError()} />
      <button type="submit" class="button button--primary" disabled={busy()}>
        {busy() ? 'Starting…' : 'Start meeting'}
      </button>
    </form>
  )
}
