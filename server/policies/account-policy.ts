import 'server-only';
import type { Refusal } from './authorize';

/** How far a person's account reaches beyond the compact an administrator manages it from. */
export interface AccountReach {
  isInstanceAdmin: boolean;
  inOtherCompact: boolean;
  invitedElsewhere: boolean;
}

/**
 * A compact admin may act on a person's account itself (reset its password, deactivate it,
 * rename it) only when it is someone else's and that account reaches no further than their compact: anything else is for
 * an instance administrator. (Managing the membership — role, removal — is `manageMembers`.)
 */
export function manageAccountRefusal(
  manager: { userId: string | null; isInstanceAdmin: boolean },
  account: { userId: string; reach: AccountReach },
): Refusal {
  // One's own name, password and activation are not an administrator's tools on oneself.
  if (manager.userId === account.userId) return { key: 'errors.account.yourOwnAccountManaged' };
  if (manager.isInstanceAdmin) return null;
  const { reach } = account;
  if (reach.isInstanceAdmin || reach.inOtherCompact || reach.invitedElsewhere) {
    return { key: 'errors.account.accountReachesBeyondCompact' };
  }
  return null;
}
