import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverWriteError, serverWriteFailure } from '@/server/collab/collab-process-messages';
import { ServerWriteRefused } from '@/server/collab/server-writes';
import { CLOSE } from '@/shared/collab/close-codes';

test('a server write refused in the collaboration process is still a refusal in the host, with its reason', () => {
  const refused = serverWriteError(serverWriteFailure(7, new ServerWriteRefused(CLOSE.forbidden)));
  assert.ok(refused instanceof ServerWriteRefused);
  assert.equal(refused.reason, CLOSE.forbidden);

  const failed = serverWriteError(serverWriteFailure(8, new Error('disk full')));
  assert.ok(!(failed instanceof ServerWriteRefused));
  assert.equal(failed.message, 'disk full');
});
