/**
 * Scrolls the scrolling boxes around `element` (a list inside a panel) so that it shows — only
 * those boxes, never the page (the workspace never moves the window; `scrollIntoView` would).
 * A box it already shows in does not move.
 */
export function revealInScroller(element: HTMLElement): void {
  for (let box = element.parentElement; box && box !== document.body && box !== document.documentElement; box = box.parentElement) {
    const { overflowY } = getComputedStyle(box);
    if ((overflowY !== 'auto' && overflowY !== 'scroll') || box.scrollHeight <= box.clientHeight) continue;
    const outer = box.getBoundingClientRect();
    const inner = element.getBoundingClientRect();
    if (inner.top < outer.top) box.scrollTop -= outer.top - inner.top;
    else if (inner.bottom > outer.bottom) box.scrollTop += Math.min(inner.bottom - outer.bottom, inner.top - outer.top);
  }
}
