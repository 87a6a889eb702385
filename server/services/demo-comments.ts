import 'server-only';
import type { Db } from '@/db/client';
import type { CommentVisibility } from '@/shared/comments/comment-rules';
import type { CompactRole } from '@/shared/roles';
import { createThread, replyToThread } from './comments/thread-writes';
import { anchorOfPhrase } from './comments/phrase-anchor';
import { loadDoc } from './document-store';

interface DemoThread {
  author: string;
  phrase: string;
  visibility: CommentVisibility;
  body: string;
  replies?: { author: string; body: string }[];
}

const DEMO_THREADS: DemoThread[] = [
  {
    author: 'negotiator@varenia.example',
    phrase: ' within 72 hours',
    visibility: 'all',
    body: 'Seventy-two hours would leave patrols blocked for three days. Varenia maintains 24 hours.',
    replies: [
      {
        author: 'negotiator@aldoria.example',
        body: 'Notifications go through the chain of command of three ministries; 48 hours could be a landing zone.',
      },
    ],
  },
  {
    author: 'negotiator@mission.example',
    phrase: 'using all necessary means',
    visibility: 'all',
    body: 'This is the language of resolution 2791 (2026); the Mission asks that Option 2 be retained.',
  },
  {
    author: 'negotiator@aldoria.example',
    phrase: 'national ownership of the peace process',
    visibility: 'delegation',
    body: 'For our delegation only: the capital insists on this phrase; our fallback is “national leadership”.',
  },
  {
    author: 'reviewer@secretariat.example',
    phrase: 'every quarter',
    visibility: 'all',
    body: 'Quarterly reporting matches the framework’s periods: fine for the annual review.',
  },
];

/**
 * The demo compact's comment threads (one for a delegation only), opened through the comments
 * service like anyone's — anchored to words of the seeded text.
 */
export function seedDemoComments(
  db: Db,
  compactId: string,
  people: ReadonlyMap<string, { userId: string; partyId: string; role: CompactRole }>,
) {
  const { doc } = loadDoc(db, compactId);
  try {
    for (const thread of DEMO_THREADS) {
      const author = people.get(thread.author)!;
      const { id } = createThread(db, author, compactId, {
        ...anchorOfPhrase(doc, thread.phrase),
        visibility: thread.visibility,
        body: thread.body,
      });
      for (const reply of thread.replies ?? []) replyToThread(db, people.get(reply.author)!, compactId, id, reply.body);
    }
  } finally {
    doc.destroy();
  }
}
