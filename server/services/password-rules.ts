import type { Problem } from '@/i18n/types';
import 'server-only';
import { hashPassword } from 'better-auth/crypto';
import { DomainError } from './domain-error';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** Hashes a password; injectable so tests can see when (and whether) hashing happens. */
export type PasswordHasher = (password: string) => Promise<string>;

export const defaultPasswordHasher: PasswordHasher = hashPassword;

export function passwordProblem(password: string): Problem | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return { key: 'errors.password.useLeastCharacters', args: { n: MIN_PASSWORD_LENGTH } };
  if (password.length > MAX_PASSWORD_LENGTH)
    return { key: 'errors.displayName.useMostCharacters', args: { max: MAX_PASSWORD_LENGTH } };
  return null;
}

export function assertAcceptablePassword(password: string | undefined): string {
  const problem: Problem | null =
    password === undefined ? { key: 'errors.password.choosePassword' } : passwordProblem(password);
  if (problem) throw new DomainError('BAD_REQUEST', problem);
  return password!;
}
