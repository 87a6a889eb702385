'use client';

import { useState } from 'react';

/**
 * A fresh key per form submission (sent with a create): the server answers the same key again —
 * a double click, a retried request — with the first result instead of creating a twin. Renew it
 * after a success, for the next submission.
 */
export function useRequestKey(): [string, () => void] {
  const [key, setKey] = useState(() => crypto.randomUUID());
  return [key, () => setKey(crypto.randomUUID())];
}
