import type { Editor } from '@tiptap/core'
import { For, type Accessor } from 'solid-js'

export interface EditorToolbarProps {
  editor: Editor
  /** Changes on every editor transaction, so the pressed states follow the selection. */
  revision: Accessor<number>
  label: string
  disabled: boolean
}

interface ToolbarAction {
  label: string
  text: string
  shortcut: string
  isActive: (editor: Editor) => boolean
  run: (editor: Editor) => void
}

const actions: ToolbarAction[] = [
  {
    label: 'Bold',
    text: 'B',
    shortcut: 'Control+B',
    isActive: (editor) => editor.isActive('bold'),
    run: (editor) => editor.chain().focus().toggleBold().run(),
  },
  {
    label: 'Italic',
    text: 'I',
    shortcut: 'Control+I',
    isActive: (editor) => editor.isActive('italic'),
    run: (editor) => editor.chain().focus().toggleItalic().run(),
  },
  {
    label: 'Heading',
    text: 'H',
    shortcut: 'Control+Alt+3',
    isActive: (editor) => editor.isActive('heading', { level: 3 }),
    run: (editor) => editor.chain().focus().toggleHeading({ level: 3 }).run(),
  },
  {
    label: 'Bulleted list',
    text: '•',
    shortcut: 'Control+Shift+8',
    isActive: (editor) => editor.isActive('bulletList'),
    run: (editor) => editor.chain().focus().toggleBulletList().run(),
  },
  {
    label: 'Numbered list',
    text: '1.',
    shortcut: 'Control+Shift+7',
    isActive: (editor) => editor.isActive('orderedList'),
    run: (editor) => editor.chain().focus().toggleOrderedList().run(),
  },
]

/** Formatting buttons for one notes editor; arrow keys move between them. */
export function EditorToolbar(props: EditorToolbarProps) {
  let toolbar: HTMLDivElement | undefined

  function moveFocus(event: KeyboardEvent) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return
    const buttons = [...toolbar!.querySelectorAll('button')]
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const step = event.key === 'ArrowRight' ? 1 : -1
    buttons[(current + step + buttons.length) % buttons.length]?.focus()
    event.preventDefault()
  }

  return (
    <div
      ref={toolbar}
      class="toolbar"
      role="toolbar"
      aria-label={props.label}
      aria-disabled={props.disabled ? 'true' : undefined}
      onKeyDown={moveFocus}
    >
      <For each={actions}>
        {(action) => (
          <button
            type="button"
            class="toolbar__button"
            aria-label={action.label}
            aria-keyshortcuts={action.shortcut}
            title={`${action.label} (${action.shortcut.replace('Control', 'Ctrl')})`}
            aria-pressed={(props.revision(), action.isActive(props.editor))}
            disabled={props.disabled}
            // Keeps the editor's selection while the button is pressed.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => action.run(props.editor)}
          >
            {action.text}
          </button>
        )}
      </For>
    </div>
  )
}
