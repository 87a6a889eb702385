import { t } from '@/app/_lib/messages';

/**
 * A remote caret: a coloured bar with the person's name, party code and e-mail domain — or, for
 * the viewer's own other tab (same person, another connection), "You (other tab)".
 */
export function renderCaret(user: Record<string, unknown>, myUserId?: string): HTMLElement {
  const colour = typeof user.color === 'string' ? user.color : '#475569';
  const caret = document.createElement('span');
  caret.className = 'remote-caret';
  caret.style.borderColor = colour;
  const label = document.createElement('span');
  label.className = 'remote-caret-label';
  label.style.backgroundColor = colour;
  label.textContent = caretLabel(user, myUserId);
  caret.append(label);
  return caret;
}

/** The text on a remote caret (see renderCaret). */
export function caretLabel(user: Record<string, unknown>, myUserId?: string): string {
  if (myUserId !== undefined && user.userId === myUserId) return t('presence.otherTab');
  const code = typeof user.partyShortCode === 'string' ? ` · ${user.partyShortCode}` : '';
  const domain = typeof user.emailDomain === 'string' ? ` · ${user.emailDomain}` : '';
  return `${typeof user.name === 'string' ? user.name : '?'}${code}${domain}`;
}

export function renderSelection(user: Record<string, unknown>) {
  const colour = typeof user.color === 'string' ? user.color : '#475569';
  return { nodeName: 'span', class: 'remote-selection', style: `background-color: ${colour}33` };
}
