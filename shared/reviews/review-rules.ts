import type { Problem } from '@/i18n/types';
import { z } from 'zod';
import { FORBIDDEN_CHARACTERS } from '@/shared/unsafe-characters';

// Pure rules for annual review cycles and their findings, shared by the server and the browser forms.

export const REVIEW_LIMITS = { name: 120, body: 4000, resolution: 2000 } as const;

export const FINDING_SUBJECTS = ['provision', 'indicator', 'general'] as const;
export type FindingSubject = (typeof FINDING_SUBJECTS)[number];

/** A finding states what the reviewer found; a question asks something and can be marked answered. */
export const FINDING_KINDS = ['finding', 'question'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_STATUSES = ['open', 'answered', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/**
 * Where a finding or question may go from each status. Nothing is ever deleted: a finding is
 * closed, a question answered then closed (or closed at once); each move is recorded.
 */
const TRANSITIONS: Record<FindingKind, Partial<Record<FindingStatus, readonly FindingStatus[]>>> = {
  finding: { open: ['closed'] },
  question: { open: ['answered', 'closed'], answered: ['closed'] },
};

export function mayMoveFinding(kind: FindingKind, from: FindingStatus, to: FindingStatus): boolean {
  return TRANSITIONS[kind][from]?.includes(to) ?? false;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The last millisecond of a cut-off day, UTC: a cycle covers everything up to it. */
export const endOfCutOffDay = (cutOff: string): Date => new Date(`${cutOff}T23:59:59.999Z`);

const BODY_CONTROLS_ALLOWED = /[\n\t]/g;

const characters = (text: string) => [...text].length;
export const cleanText = (text: string) => text.trim().normalize('NFC');

/** What is wrong with a cycle's name and cut-off, given today's date (UTC, YYYY-MM-DD); null when fine. */
export function cycleProblem(input: { name: string; cutOff: string }, today: string): Problem | null {
  const name = cleanText(input.name);
  if (name === '') return { key: 'errors.review.giveReviewCycleName', field: 'name' };
  if (characters(name) > REVIEW_LIMITS.name)
    return { key: 'errors.version.mostCharacters', args: { max: REVIEW_LIMITS.name }, field: 'name' };
  if (FORBIDDEN_CHARACTERS.test(name)) return { key: 'errors.version.nameCannotContainControl', field: 'name' };
  if (!isCalendarDate(input.cutOff)) return { key: 'errors.review.giveCutOffAs', field: 'cutOff' };
  if (input.cutOff > today) return { key: 'errors.review.cutOffDateCannot', field: 'cutOff' };
  return null;
}

/** What is wrong with a finding's (or an answer's) text; null when fine. */
export function findingTextProblem(text: string, limit: number, field: string): Problem | null {
  const clean = cleanText(text);
  if (clean === '') return { key: 'errors.review.writeSomething', field };
  if (characters(clean) > limit) return { key: 'errors.review.mostCharacters', args: { limit }, field };
  if (FORBIDDEN_CHARACTERS.test(clean.replace(BODY_CONTROLS_ALLOWED, ' ')))
    return { key: 'errors.review.textCannotContainControl', field };
  return null;
}

const id = z.string().min(1).max(64);

/** Inputs, bounded before any check runs (four bytes a character at most). */
export const openCycleSchema = z.object({
  name: z.string().max(REVIEW_LIMITS.name * 4),
  cutOff: z.string().max(10),
});

export const addFindingSchema = z.object({
  cycleId: id,
  subjectType: z.enum(FINDING_SUBJECTS),
  subjectId: id.nullish(),
  kind: z.enum(FINDING_KINDS),
  body: z.string().max(REVIEW_LIMITS.body * 4),
});

export const setFindingStatusSchema = z.object({
  findingId: id,
  status: z.enum(FINDING_STATUSES),
  resolution: z
    .string()
    .max(REVIEW_LIMITS.resolution * 4)
    .nullish(),
});
