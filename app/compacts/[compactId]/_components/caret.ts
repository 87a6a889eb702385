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
  // Named for screen readers (the visible label is then presentational): whose cursor, for which party.
  caret.setAttribute('role', 'img');
  caret.setAttribute('aria-label', caretName(t, user, myUserId));
  return caret;
}

/** The text on a remote caret (see renderCaret). */
export function caretLabel(t: Translate, user: Record<string, unknown>, myUserId?: string): string {
  if (myUserId !== undefined && user.userId === myUserId) return t('presence.otherTab');
  const code = typeof user.partyShortCode === 'string' ? ` · ${user.partyShortCode}` : '';
  const domain = typeof user.emailDomain === 'string' ? ` · ${user.emailDomain}` : '';
  return `${typeof user.name === 'string' ? user.name : '?'}${code}${domain}`;
}

/** The accessible name of a remote caret: "Cursor of Piotr Varga, VAR" (or the viewer's own other tab). */
export function caretName(t: Translate, user: Record<string, unknown>, myUserId?: string): string {
  if (myUserId !== undefined && user.userId === myUserId) return t('a11y.caretOtherTab');
  const name = typeof user.name === 'string' ? user.name : '?';
  const party = typeof user.partyShortCode === 'string' ? user.partyShortCode : '';
  return t('a11y.caret', { name, party });
}

export function renderSelection(user: Record<string, unknown>) {
  const colour = typeof user.color === 'string' ? user.color : '#475569';
  return { nodeName: 'span', class: 'remote-selection', style: `background-color: ${colour}33` };
}
