/**
 * Scrolls a newly focused control out from under sticky parts of the page (the side column's
 * timer, the strip at the top). The browser only scrolls focus into the viewport, and a sticky
 * panel may still cover it there. Returns a function that stops it.
 */
export function keepFocusClearOfSticky(root: HTMLElement, stickySelector: string): () => void {
  function onFocusIn(event: FocusEvent) {
    const target = event.target
    if (!(target instanceof HTMLElement)) return
    const box = target.getBoundingClientRect()
    let coveredTo = 0
    for (const sticky of root.querySelectorAll<HTMLElement>(stickySelector)) {
      if (sticky.contains(target) || getComputedStyle(sticky).position !== 'sticky') continue
      const cover = sticky.getBoundingClientRect()
      const overlapsAcross = cover.left < box.right && box.left < cover.right
      if (overlapsAcross && cover.top < box.bottom && cover.bottom > box.top) {
        coveredTo = Math.max(coveredTo, cover.bottom)
      }
    }
    if (coveredTo > 0) window.scrollBy({ top: box.top - coveredTo - 12, behavior: 'instant' })
  }
  root.addEventListener('focusin', onFocusIn)
  return () => root.removeEventListener('focusin', onFocusIn)
}
