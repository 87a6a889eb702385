'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { liveAnnouncement, type AnnouncedState } from '@/app/_lib/live-announcements';

/**
 * The compact page's one polite live region: connection changes and people joining or leaving,
 * as short sentences (visually hidden: the badge and the presence list show the same things).
 */
export function LiveAnnouncer({ status, people, myUserId }: AnnouncedState & { myUserId: string }) {
  const t = useTranslations();
  const [seen, setSeen] = useState<AnnouncedState>({ status, people });
  const [message, setMessage] = useState('');
  // Compared during render (React's pattern for state derived from changing props): no effect, no extra paint.
  if (seen.status !== status || seen.people !== people) {
    const sentence = liveAnnouncement(t, seen, { status, people }, myUserId);
    setSeen({ status, people });
    if (sentence) setMessage(sentence);
  }
  return (
    <p className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="live-announcer">
      {message}
    </p>
  );
}
