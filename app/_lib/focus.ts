/** Focuses an element that is not focusable by itself (a heading or `main`) without adding it to the tab order. */
export function focusTarget(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex') && element.tabIndex < 0) element.setAttribute('tabindex', '-1');
  element.focus();
  element.scrollIntoView({ block: 'start' });
}
