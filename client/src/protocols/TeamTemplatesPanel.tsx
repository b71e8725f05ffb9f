import { createSignal, createUniqueId, For, Show } from 'solid-js'

import { errorMessage } from '../api'
import type { Phase } from '../types'
import {
  deleteTemplate,
  saveTemplate,
  type TeamProtocol,
  type TemplateDraft,
} from './team-templates'
import { TemplateEditor } from './TemplateEditor'
import './templates.css'

export interface TeamTemplatesPanelProps {
  teamId: string
  /** Built-in and team templates, as `GET /api/teams/:teamId/protocols` lists them. */
  protocols: TeamProtocol[]
  /** Whether the user may create, change and delete templates (facilitators). */
  canEdit: boolean
  /** Runs after a template was saved or deleted, to reload the list. */
  onChanged(): void
}

type Editing = { draft: TemplateDraft; templateId?: string; heading: string }

const minutesOf = (phases: Phase[]) => phases.reduce((sum, phase) => sum + phase.minutes, 0)

/**
 * The team's own protocol templates: facilitators copy a built-in or team template, edit its
 * phases and save it for the team's meetings. Meetings copy their phases when they start, so
 * editing a template leaves earlier meetings as they were.
 */
export function TeamTemplatesPanel(props: TeamTemplatesPanelProps) {
  const [editing, setEditing] = createSignal<Editing>()
  const [copyFrom, setCopyFrom] = createSignal<string>()
  const [error, setError] = createSignal<string>()
  const selectId = createUniqueId()
  const own = () => props.protocols.filter((protocol) => protocol.source === 'team')

  function startCopy() {
    const source = props.protocols.find((p) => p.id === (copyFrom() ?? props.protocols[0]?.id))
    if (!source) return
    setError(undefined)
    setEditing({
      draft: { name: `${source.name} (our version)`, phases: source.phases, copyOf: source.id },
      heading: `New template from ${source.name}`,
    })
  }

  function startEdit(template: TeamProtocol) {
    setError(undefined)
    setEditing({
      draft: { name: template.name, phases: template.phases },
      templateId: template.id,
      heading: `Edit ${template.name}`,
    })
  }

  async function save(draft: TemplateDraft) {
    await saveTemplate(props.teamId, draft, editing()?.templateId)
    setEditing(undefined)
    props.onChanged()
  }

  async function remove(template: TeamProtocol) {
    const question = `Delete the template "${template.name}"? Past meetings keep their phases.`
    if (!window.confirm(question)) return
    setError(undefined)
    try {
      await deleteTemplate(props.teamId, template.id)
      props.onChanged()
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  return (
    <section class="card team-templates" aria-labelledby="team-templates-title">
      <h2 id="team-templates-title">Team protocols</h2>
      <Show
        when={own().length > 0}
        fallback={<p class="meta">The team has no protocols of its own yet.</p>}
      >
        <ul class="team-templates__list">
          <For each={own()}>
            {(template) => (
              <li>
                <span class="team-templates__name">{template.name}</span>{' '}
                <span class="meta">
                  {template.phases.length} phases, {minutesOf(template.phases)} min
                </span>
                <Show when={props.canEdit && !editing()}>
                  <span class="team-templates__actions">
                    <button
                      type="button"
                      class="button button--quiet"
                      aria-label={`Edit ${template.name}`}
                      onClick={() => startEdit(template)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      class="button button--quiet"
                      aria-label={`Delete ${template.name}`}
                      onClick={() => void remove(template)}
                    >
                      Delete
                    </button>
                  </span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>

      <Show when={props.canEdit}>
        <Show
          when={editing()}
          fallback={
            <div class="team-templates__copy">
              <div class="field">
                <label for={selectId}>Copy a protocol to adapt it</label>
                <select id={selectId} onChange={(event) => setCopyFrom(event.currentTarget.value)}>
                  <For each={props.protocols}>
                    {(protocol) => <option value={protocol.id}>{protocol.name}</option>}
                  </For>
                </select>
              </div>
              <button type="button" class="button" onClick={startCopy}>
                Copy and edit
              </button>
            </div>
          }
        >
          {(current) => (
            <TemplateEditor
              initial={current().draft}
              heading={current().heading}
              onSave={save}
              onCancel={() => setEditing(undefined)}
            />
          )}
        </Show>
      </Show>
    </section>
  )
}
