import { createSignal, onCleanup, Show } from 'solid-js'
import { Portal, render } from 'solid-js/web'

import { PresenterDisplay } from './PresenterDisplay'
import { TimerContext, useMeetingTimer } from './timer-context'

interface DocumentPictureInPicture {
  requestWindow(options: { width: number; height: number }): Promise<Window>
}

/** Document Picture-in-Picture, in Chromium-based browsers since version 116. */
function pictureInPicture(): DocumentPictureInPicture | undefined {
  return (window as unknown as { documentPictureInPicture?: DocumentPictureInPicture })
    .documentPictureInPicture
}

/** Copies the page's style sheets into another window, so the pop-out looks like the page. */
function copyStyles(target: Document) {
  for (const node of document.querySelectorAll('link[rel="stylesheet"], style')) {
    target.head.append(node.cloneNode(true))
  }
}

/**
 * Buttons that show the countdown for a projector: full screen in this tab, or a small
 * always-on-top window where the browser has Document Picture-in-Picture.
 */
export function PresenterView() {
  const timer = useMeetingTimer()
  const [fullScreen, setFullScreen] = createSignal(false)
  const [popOutOpen, setPopOutOpen] = createSignal(false)
  const [error, setError] = createSignal<string>()
  let overlay: HTMLDivElement | undefined
  let popOut: Window | undefined

  function openFullScreen() {
    setError(undefined)
    setFullScreen(true)
    // The overlay covers the page even where the Fullscreen API is missing or refused.
    void overlay?.requestFullscreen?.().catch(() => undefined)
  }

  function closeFullScreen() {
    setFullScreen(false)
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
  }

  const onFullscreenChange = () => {
    if (!document.fullscreenElement && fullScreen()) setFullScreen(false)
  }
  document.addEventListener('fullscreenchange', onFullscreenChange)
  onCleanup(() => {
    document.removeEventListener('fullscreenchange', onFullscreenChange)
    popOut?.close()
  })

  async function openPopOut() {
    const pip = pictureInPicture()
    if (!pip) return
    setError(undefined)
    try {
      const win = await pip.requestWindow({ width: 520, height: 360 })
      popOut = win
      copyStyles(win.document)
      win.document.body.classList.add('presenter-window')
      const dispose = render(
        () => (
          <TimerContext.Provider value={timer}>
            <PresenterDisplay />
          </TimerContext.Provider>
        ),
        win.document.body,
      )
      setPopOutOpen(true)
      win.addEventListener('pagehide', () => {
        dispose()
        popOut = undefined
        setPopOutOpen(false)
      })
    } catch (failure) {
      setError(`The pop-out window could not open: ${String(failure)}`)
    }
  }

  return (
    <div class="presenter-buttons">
      <button type="button" class="button button--quiet" onClick={openFullScreen}>
        Presenter view
      </button>
      <Show when={pictureInPicture()}>
        <button
          type="button"
          class="button button--quiet presenter-buttons__pop-out"
          disabled={popOutOpen()}
          onClick={() => void openPopOut()}
        >
          Pop out timer
        </button>
      </Show>
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
      <Portal>
        <div
          ref={overlay}
          class="presenter-overlay"
          hidden={!fullScreen()}
          role="dialog"
          aria-modal="true"
          aria-label="Presenter view"
          onKeyDown={(event) => event.key === 'Escape' && closeFullScreen()}
        >
          <Show when={fullScreen()}>
            <button
              type="button"
              class="button presenter-overlay__close"
              ref={(button) => queueMicrotask(() => button.focus())}
              onClick={closeFullScreen}
            >
              Close presenter view
            </button>
            <PresenterDisplay />
          </Show>
        </div>
      </Portal>
    </div>
  )
}
