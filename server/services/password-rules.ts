import 'server-only';
import { hashPassword } from 'better-auth/crypto';
import { DomainError } from './domain-error';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** Hashes a password; injectable so tests can see when (and whether) hashing happens. */
export type PasswordHasher = (password: string) => Promise<string>;

export const defaultPasswordHasher: PasswordHasher = hashPassword;

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  return null;
}

export function assertAcceptablePassword(password: string | undefined): string {
  const problem = password === undefined ? 'Choose a password.' : passwordProblem(password);
  if (problem) throw new DomainError('BAD_REQUEST', problem);
  return password!;
}
