import type { Editor } from '@tiptap/core'
import { createSignal, For, type Accessor } from 'solid-js'

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

/**
 * Formatting buttons for one notes editor. The toolbar is one Tab stop: only the last used
 * button is tabbable, and arrow keys, Home and End move between the buttons.
 */
export function EditorToolbar(props: EditorToolbarProps) {
  let toolbar: HTMLDivElement | undefined
  const [active, setActive] = createSignal(0)

  function moveFocus(event: KeyboardEvent) {
    const last = actions.length - 1
    let next: number
    if (event.key === 'ArrowRight') next = active() >= last ? 0 : active() + 1
    else if (event.key === 'ArrowLeft') next = active() <= 0 ? last : active() - 1
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = last
    else return
    event.preventDefault()
    setActive(next)
    toolbar!.querySelectorAll('button')[next]?.focus()
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
        {(action, index) => (
          <button
            type="button"
            tabIndex={index() === active() ? 0 : -1}
            onFocus={() => setActive(index())}
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
