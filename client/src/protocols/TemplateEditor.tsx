import { createSignal, createUniqueId, Index, Show } from 'solid-js'

import { errorMessage } from '../api'
import type { Phase } from '../types'
import type { TemplateDraft } from './team-templates'

export interface TemplateEditorProps {
  /** The template to start from; its phases are copied, never changed in place. */
  initial: TemplateDraft
  heading: string
  onSave(draft: TemplateDraft): Promise<void>
  onCancel(): void
}

/** A phase in the editor, with an id that stays the same while phases move around. */
interface DraftPhase extends Phase {
  key: number
}

let nextKey = 1

/**
 * Edits a protocol template: its name, and its phases' titles, minutes and prompts, with
 * buttons to move, add and remove phases. The server checks the result and its message shows
 * here when it rejects it.
 */
export function TemplateEditor(props: TemplateEditorProps) {
  const [name, setName] = createSignal(props.initial.name)
  const [phases, setPhases] = createSignal<DraftPhase[]>(
    props.initial.phases.map((phase) => ({ ...phase, key: nextKey++ })),
  )
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string>()
  const nameId = createUniqueId()
  const totalMinutes = () => phases().reduce((sum, phase) => sum + (phase.minutes || 0), 0)

  function update(index: number, change: Partial<Phase>) {
    setPhases((list) => list.map((phase, i) => (i === index ? { ...phase, ...change } : phase)))
  }

  function move(index: number, by: number) {
    setPhases((list) => {
      const next = [...list]
      const [phase] = next.splice(index, 1)
      next.splice(index + by, 0, phase)
      return next
    })
  }

  function remove(index: number) {
    setPhases((list) => list.filter((_, i) => i !== index))
  }

  function add() {
    setPhases((list) => [...list, { key: nextKey++, id: '', title: 'New phase', minutes: 5 }])
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    setError(undefined)
    setBusy(true)
    try {
      const draftPhases = phases().map(({ key: _key, ...phase }) => phase)
      await props.onSave({ ...props.initial, name: name().trim(), phases: draftPhases })
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="template-editor" onSubmit={submit} aria-label={props.heading} novalidate>
      <h3>{props.heading}</h3>
      <div class="field">
        <label for={nameId}>Template name</label>
        <input
          id={nameId}
          value={name()}
          maxLength={120}
          required
          onInput={(event) => setName(event.currentTarget.value)}
        />
      </div>

      <ol class="template-editor__phases">
        <Index each={phases()}>
          {(phase, index) => (
            <li class="template-editor__phase">
              <fieldset>
                <legend>Phase {index + 1}</legend>
                <div class="template-editor__row">
                  <label>
                    Title
                    <input
                      value={phase().title}
                      maxLength={100}
                      onInput={(event) => update(index, { title: event.currentTarget.value })}
                    />
                  </label>
                  <label class="template-editor__minutes">
                    Minutes
                    <input
                      type="number"
                      min={1}
                      max={240}
                      step={1}
                      value={phase().minutes}
                      onInput={(event) =>
                        update(index, { minutes: event.currentTarget.valueAsNumber })
                      }
                    />
                  </label>
                </div>
                <label>
                  Prompt
                  <textarea
                    rows={2}
                    maxLength={1000}
                    value={phase().prompt ?? ''}
                    onInput={(event) => update(index, { prompt: event.currentTarget.value })}
                  />
                </label>
                <div class="template-editor__actions">
                  <button
                    type="button"
                    class="button button--quiet"
                    disabled={index === 0}
                    aria-label={`Move ${phase().title} up`}
                    onClick={() => move(index, -1)}
                  >
                    ↑ Up
                  </button>
                  <button
                    type="button"
                    class="button button--quiet"
                    disabled={index === phases().length - 1}
                    aria-label={`Move ${phase().title} down`}
                    onClick={() => move(index, 1)}
                  >
                    ↓ Down
                  </button>
                  <button
                    type="button"
                    class="button button--quiet"
                    disabled={phases().length === 1}
                    aria-label={`Remove ${phase().title}`}
                    onClick={() => remove(index)}
                  >
                    Remove
                  </button>
                </div>
              </fieldset>
            </li>
          )}
        </Index>
      </ol>

      <p class="meta">
        {phases().length} phases, {totalMinutes()} minutes in all
      </p>
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
      <div class="template-editor__actions">
        <button type="button" class="button" onClick={add}>
          Add a phase
        </button>
        <button type="submit" class="button button--primary" disabled={busy()}>
          {busy() ? 'Saving…' : 'Save template'}
        </button>
        <button type="button" class="button button--quiet" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  )
}
