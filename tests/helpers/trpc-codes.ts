import assert from 'node:assert/strict';
import { TRPCError } from '@trpc/server';

/** 'OK' when the call succeeds, else the TRPCError's code (anything else fails the test). */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    assert.ok(error instanceof TRPCError, `expected a TRPCError, got ${String(error)}`);
    return error.code;
  }
}
