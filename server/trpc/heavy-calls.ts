import 'server-only';
import { config } from '../config';
import type { CompactAction } from '@/server/policies/role-actions';
import { authedProcedure, checkedMember, compactProcedure } from './init';
import { tooManyRequests } from './too-many-requests';

/**
 * Per-person turns for heavy calls (rendering a compact's text, the framework view, CSV import
 * and export, opening a comment thread, writes checked against the stored text: indicators and
 * commitments linking to provisions, the chair's decisions). A person runs at most `heavyCallsPerPerson` at a time and may have
 * `heavyCallsQueuedPerPerson` more waiting; anything beyond is refused at once, cheaply. Every
 * admitted call first yields to the event loop, so one person's batch never runs back to back
 * ahead of everyone else's requests.
 */
interface Turns {
  running: number;
  waiting: Array<() => void>;
}

const turnsByPerson = new Map<string, Turns>();

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Waits for a turn; resolves false when the person already has too many calls running and waiting. */
async function takeTurn(userId: string): Promise<boolean> {
  let turns = turnsByPerson.get(userId);
  if (!turns) {
    turns = { running: 0, waiting: [] };
    turnsByPerson.set(userId, turns);
  }
  if (turns.running < config.heavyCallsPerPerson) {
    turns.running++;
  } else if (turns.waiting.length < config.heavyCallsQueuedPerPerson) {
    // The turn is handed over by `giveBackTurn`, `running` stays counted for us.
    await new Promise<void>((resolve) => turns.waiting.push(resolve));
  } else {
    return false;
  }
  await yieldToEventLoop();
  return true;
}

function giveBackTurn(userId: string): void {
  const turns = turnsByPerson.get(userId);
  if (!turns) return;
  const next = turns.waiting.shift();
  if (next) next();
  else if (--turns.running === 0) turnsByPerson.delete(userId);
}

/**
 * Runs `call` in one of the person's turns, or refuses it (TOO_MANY_REQUESTS) when they have too
 * many already: heavy tRPC calls, and the HTTP routes that make files (export-routes.ts).
 */
export async function inTurn<T>(userId: string, call: () => Promise<T>): Promise<T> {
  if (!(await takeTurn(userId))) {
    throw tooManyRequests('errors.tooMany.heavyCalls', 5);
  }
  try {
    return await call();
  } finally {
    giveBackTurn(userId);
  }
}

/**
 * `compactProcedure` for heavy calls: the same policy check, then a per-person turn. A mutation is
 * checked again once it has its turn (it may have waited): a compact archived, or a membership
 * changed, meanwhile refuses it as it would have at once.
 */
export function heavyCompactProcedure(action: CompactAction) {
  return compactProcedure(action)
    .use(({ ctx, next }) => inTurn(ctx.actor.userId, () => next()))
    .use(({ ctx, input, type, next }) =>
      type === 'mutation' ? next({ ctx: { ...ctx, ...checkedMember(ctx, input.compactId, action, type) } }) : next(),
    );
}

/**
 * A signed-in call across compacts that is heavy (the validation queue reads every submission the
 * person may decide on with its details; a bulk validation writes up to 100): in a per-person turn.
 */
export const heavyAuthedProcedure = authedProcedure.use(({ ctx, next }) => inTurn(ctx.actor.userId, () => next()));
