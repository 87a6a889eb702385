import 'server-only';
import type { CompactRole } from '@/shared/roles';

/** The published password of every demo account (README). Refused over https: see auth/endpoint-policy.ts. */
export const DEMO_PASSWORD = 'compact-demo';

export const DEMO_ACCOUNTS: {
  email: string;
  name: string;
  /** The party this person represents in the demo compact (a membership's party, not the account's). */
  party: string;
  role: CompactRole;
  signatory?: boolean;
  instanceAdmin?: boolean;
}[] = [
  {
    email: 'admin@secretariat.example',
    name: 'Amina Diallo',
    party: 'secretariat',
    role: 'admin',
    instanceAdmin: true,
  },
  { email: 'negotiator@aldoria.example', name: 'Jonas Mbeki', party: 'aldoria', role: 'negotiator', signatory: true },
  {
    email: 'negotiator@mission.example',
    name: 'Claire Fontaine',
    party: 'mission',
    role: 'negotiator',
    signatory: true,
  },
  { email: 'negotiator@varenia.example', name: 'Piotr Varga', party: 'varenia', role: 'negotiator' },
  { email: 'negotiator@au.example', name: 'Fatou Ndiaye', party: 'au', role: 'negotiator' },
  { email: 'monitor@mission.example', name: 'Rahul Mehta', party: 'mission', role: 'monitor' },
  { email: 'validator@secretariat.example', name: 'Sofia Lindqvist', party: 'secretariat', role: 'validator' },
  { email: 'reviewer@secretariat.example', name: 'Kwame Asante', party: 'secretariat', role: 'reviewer' },
];
