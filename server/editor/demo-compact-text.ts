import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { newProvisionId, type AgreementState, type ProvisionKind } from '@/shared/negotiation/vocabulary';

/** Demo provisions that the demo framework links indicators to. */
export type DemoProvisionKey = 'political' | 'reconciliation' | 'poc-primary' | 'poc-mission' | 'readiness' | 'freedom';

/** Who proposes what in the demo text: party and person ids by demo party key. */
export interface DemoProposers {
  aldoria: { partyId: string; userId: string };
  varenia: { partyId: string; userId: string };
  mission: { partyId: string; userId: string };
}

type Proposer = DemoProposers[keyof DemoProposers];
type Run = string | { bracket: Proposer; text: string };

const heading = (level: 1 | 2, text: string): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});

const paragraph = (...runs: Run[]): JSONContent => ({
  type: 'paragraph',
  content: runs.map((run) =>
    typeof run === 'string'
      ? { type: 'text', text: run }
      : { type: 'text', text: run.text, marks: [{ type: 'bracket', attrs: { ...run.bracket } }] },
  ),
});

const option = (by: Proposer, ...runs: Run[]): JSONContent => ({
  type: 'option',
  attrs: { ...by },
  content: [paragraph(...runs)],
});

/**
 * The demo compact's text, seeded on the server (never through the editor's `content`): preambular
 * and operative provisions, some agreed, one agreed ad referendum, brackets by Aldoria, Varenia and
 * the Mission, and one provision with two options from two parties. Returns the ids of the provisions
 * the demo framework links to.
 */
export function demoCompactText(proposers: DemoProposers): {
  content: JSONContent;
  ids: Map<DemoProvisionKey, string>;
} {
  const ids = new Map<DemoProvisionKey, string>();
  const { aldoria, varenia, mission } = proposers;
  const provision = (
    kind: ProvisionKind,
    state: AgreementState,
    blocks: JSONContent[],
    key?: DemoProvisionKey,
  ): JSONContent => {
    const id = newProvisionId();
    if (key) ids.set(key, id);
    return { type: 'provision', attrs: { id, kind, state }, content: blocks };
  };
  const content: JSONContent = {
    type: 'doc',
    content: [
      heading(1, 'Strategic Compact for the UN Stabilization Mission in Aldoria'),
      provision('preambular', 'agreed', [
        paragraph(
          'The Government of the Republic of Aldoria, the United Nations, the troop- and police-contributing countries and the African Union,',
        ),
      ]),
      provision('preambular', 'agreed', [
        paragraph('Recalling Security Council resolution 2791 (2026) and the Status of Forces Agreement,'),
      ]),
      provision('preambular', 'bracketed', [
        paragraph(
          'Reaffirming their commitment to the sovereignty, independence and territorial integrity of Aldoria',
          { bracket: aldoria, text: ' and to the principle of national ownership of the peace process' },
          ',',
        ),
      ]),
      provision('preambular', 'open', [
        paragraph(
          'Agree on the following shared priorities, roles and mutual accountabilities for the period of the mandate:',
        ),
      ]),
      heading(2, 'Political priorities'),
      provision(
        'operative',
        'agreed',
        [
          paragraph(
            'The parties shall support the implementation of the Peace Agreement signed in Port Aldor, with priority to the inclusive national dialogue and the electoral calendar.',
          ),
        ],
        'political',
      ),
      provision(
        'operative',
        'bracketed',
        [
          paragraph(
            'The Mission shall use its good offices to support local reconciliation in the northern provinces',
            { bracket: mission, text: ', including through its civil affairs presence in every district' },
            ', in close coordination with the African Union.',
          ),
        ],
        'reconciliation',
      ),
      heading(2, 'Protection of civilians: roles and responsibilities'),
      provision(
        'operative',
        'agreed',
        [paragraph('The Government bears the primary responsibility to protect civilians throughout its territory.')],
        'poc-primary',
      ),
      provision(
        'operative',
        'open',
        [
          paragraph(
            'The Mission shall protect civilians under threat of physical violence within its capabilities and areas of deployment.',
          ),
          option(
            aldoria,
            'The Mission shall protect civilians under threat of physical violence within its capabilities and areas of deployment, without prejudice to the primary responsibility of the host State.',
          ),
          option(
            mission,
            'The Mission shall protect civilians under threat of physical violence, using all necessary means, within its capabilities and areas of deployment.',
          ),
        ],
        'poc-mission',
      ),
      provision('operative', 'bracketed', [
        paragraph(
          'Troop- and police-contributing countries shall ensure that their contingents are trained, equipped and prepared to act on protection mandates',
          { bracket: varenia, text: ', subject to the caveats declared at the time of deployment' },
          '.',
        ),
      ]),
      heading(2, 'Performance expectations'),
      provision(
        'operative',
        'agreed-ad-ref',
        [
          paragraph(
            'Each party shall report progress against the indicators of the Mission Accountability Framework every quarter.',
          ),
        ],
        'readiness',
      ),
      provision('operative', 'open', [
        paragraph(
          'Contingents shall meet the operational readiness standards verified by the Secretariat before and during deployment.',
        ),
      ]),
      heading(2, 'Consent parameters'),
      provision(
        'operative',
        'bracketed',
        [
          paragraph(
            'The Government shall guarantee the freedom of movement of Mission personnel',
            { bracket: mission, text: ', including unannounced patrols and the use of air assets' },
            ', in accordance with the Status of Forces Agreement.',
          ),
        ],
        'freedom',
      ),
      provision('operative', 'bracketed', [
        paragraph(
          'Any restriction of movement shall be notified to the Head of Mission',
          { bracket: aldoria, text: ' within 72 hours' },
          { bracket: varenia, text: ' within 24 hours' },
          ' and reviewed by the Joint Coordination Committee.',
        ),
      ]),
      heading(2, 'Mutual accountability and review'),
      provision('operative', 'open', [
        paragraph(
          'The parties shall hold each other accountable for the commitments in this compact through the Joint Coordination Committee, which meets quarterly.',
        ),
      ]),
      provision('operative', 'open', [
        paragraph(
          'This compact shall be reviewed annually, ahead of the renewal of the Mission mandate; the first review shall consider the indicator data validated as of the cut-off date.',
        ),
      ]),
    ],
  };
  return { content, ids };
}
