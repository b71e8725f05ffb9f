import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import Placeholder from '@tiptap/extension-placeholder'
import StarterKit from '@tiptap/starter-kit'
import { createEffect, createSignal, onCleanup, onMount, Show } from 'solid-js'

import { notesFragmentName } from '../../../shared/protocols'
import type { Phase } from '../types'
import { EditorToolbar } from './EditorToolbar'
import { useMeeting } from './meeting-context'

export interface PhaseNotesProps {
  phase: Phase
}

/** Edits one phase's shared rich-text notes, bound to the `notes:<phaseId>` fragment. */
export function PhaseNotes(props: PhaseNotesProps) {
  const { room } = useMeeting()
  const [editor, setEditor] = createSignal<Editor>()
  const [revision, setRevision] = createSignal(0)
  let element: HTMLDivElement | undefined

  onMount(() => {
    const instance = new Editor({
      element,
      editable: room.canEdit(),
      extensions: [
        // Collaboration brings its own undo history, which only undoes this user's changes.
        StarterKit.configure({ undoRedo: false, heading: { levels: [3, 4] } }),
        Collaboration.configure({
          fragment: room.doc.getXmlFragment(notesFragmentName(props.phase.id)),
        }),
        CollaborationCaret.configure({ provider: room.provider, user: room.user }),
        Placeholder.configure({
          placeholder: () => (room.canEdit() ? `Notes for ${props.phase.title}…` : ''),
        }),
      ],
      editorProps: {
        attributes: {
          class: 'notes__editor',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': `${props.phase.title} notes`,
        },
      },
      onTransaction: () => setRevision((value) => value + 1),
    })
    setEditor(instance)
    onCleanup(() => instance.destroy())
  })

  createEffect(() => {
    const instance = editor()
    if (!instance) return
    const editable = room.canEdit()
    if (instance.isEditable !== editable) instance.setEditable(editable, false)
    instance.view.dom.setAttribute('aria-readonly', String(!editable))
  })

  return (
    <div class="notes" classList={{ 'notes--readonly': !room.canEdit() }}>
      <Show when={editor()}>
        {(instance) => (
          <EditorToolbar
            editor={instance()}
            revision={revision}
            label={`Formatting for ${props.phase.title} notes`}
            disabled={!room.canEdit()}
          />
        )}
      </Show>
      <div ref={element} class="notes__surface" />
    </div>
  )
}
