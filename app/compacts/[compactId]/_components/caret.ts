import type { Translate } from '@/i18n/types';

/**
 * A remote caret: a coloured bar with the person's name, party code and e-mail domain — or, for
 * the viewer's own other tab (same person, another connection), "You (other tab)".
 */
export function renderCaret(user: Record<string, unknown>, t: Translate, myUserId?: string): HTMLElement {
  const colour = typeof user.color === 'string' ? user.color : '#475569';
  const caret = document.createElement('span');
  caret.className = 'remote-caret';
  caret.style.borderColor = colour;
  const label = document.createElement('span');
  label.className = 'remote-caret-label';
  label.style.backgroundColor = colour;
  label.textContent = caretLabel(t, user, myUserId);
  caret.append(label);
  return caret;
}

/** The text on a remote caret (see renderCaret). */
export function caretLabel(t: Translate, user: Record<string, unknown>, myUserId?: string): string {
  if (myUserId !== undefined && user.userId === myUserId) return t('presence.otherTab');
  const code = typeof user.partyShortCode === 'string' ? ` · ${user.partyShortCode}` : '';
  const domain = typeof user.emailDomain === 'string' ? ` · ${user.emailDomain}` : '';
  return `${typeof user.name === 'string' ? user.name : '?'}${code}${domain}`;
}

export function renderSelection(user: Record<string, unknown>) {
  const colour = typeof user.color === 'string' ? user.color : '#475569';
  return { nodeName: 'span', class: 'remote-selection', style: `background-color: ${colour}33` };
}

/**
 * Shifts remote carets' name labels back inside the editor's box where they would overflow one of
 * its edges (the end of a line, in either direction). Labels run from their caret towards the end
 * of the line (logical CSS), so this only moves one that sits near the box's far edge.
 */
export function keepCaretLabelsInside(root: HTMLElement) {
  const box = root.getBoundingClientRect();
  for (const label of root.querySelectorAll<HTMLElement>('.remote-caret-label')) {
    label.style.translate = '';
    const own = label.getBoundingClientRect();
    const shift = own.right > box.right ? box.right - own.right : own.left < box.left ? box.left - own.left : 0;
    if (shift !== 0) label.style.translate = `${Math.round(shift)}px 0`;
  }
}
