import { createEffect } from 'solid-js'

/** Keeps `document.title` on the page's title, so tabs and history entries show where they lead. */
export function usePageTitle(title: () => string | undefined): void {
  createEffect(() => {
    const text = title()
    document.title = text ? `${text} · PLC Room` : 'PLC Room'
  })
}
