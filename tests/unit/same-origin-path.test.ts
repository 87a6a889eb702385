import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSameOriginPath } from '@/server/auth/auth-request-rules';

test('paths on this site are accepted', () => {
  for (const path of ['/', '/compacts', '/compacts/abc/framework?tab=progress#top', '/search?q=a%20b'])
    assert.equal(isSameOriginPath(path), true, path);
});

test('anything that a browser could resolve to another origin is refused', () => {
  const refused = [
    'https://evil.example',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/%2Fevil.example',
    '/%5Cevil.example',
    '/\tevil.example',
    ' /x',
    'javascript:alert(1)',
    'compacts',
    '',
    '/%E0%A4%A',
    `/${'a'.repeat(3000)}`,
  ];
  for (const path of refused) assert.equal(isSameOriginPath(path), false, JSON.stringify(path));
});
