import 'server-only';
import type { JSONContent } from '@tiptap/core';

const heading = (level: 1 | 2, text: string): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const list = (items: string[]): JSONContent => ({
  type: 'orderedList',
  content: items.map((text) => ({ type: 'listItem', content: [paragraph(text)] })),
});

/** The demo compact's text, seeded on the server (never through the editor's `content`). */
export const DEMO_COMPACT_TEXT: JSONContent = {
  type: 'doc',
  content: [
    heading(1, 'Strategic Compact for the UN Stabilization Mission in Aldoria'),
    paragraph(
      'The Government of the Republic of Aldoria, the United Nations, the troop- and police-contributing countries and the African Union, recalling Security Council resolution 2791 (2026), agree on the following shared priorities, roles and mutual accountabilities for the period of the mandate.',
    ),
    heading(2, '1. Political priorities'),
    list([
      'The parties shall support the implementation of the Peace Agreement signed in Port Aldor, with priority to the inclusive national dialogue and the electoral calendar.',
      'The Mission shall use its good offices to support local reconciliation in the northern provinces, in close coordination with the African Union.',
    ]),
    heading(2, '2. Protection of civilians: roles and responsibilities'),
    list([
      'The Government bears the primary responsibility to protect civilians throughout its territory.',
      'The Mission shall protect civilians under threat of physical violence within its capabilities and areas of deployment, without prejudice to the primary responsibility of the host State.',
      'Troop- and police-contributing countries shall ensure that their contingents are trained, equipped and prepared to act on protection mandates without caveats that have not been declared.',
    ]),
    heading(2, '3. Performance expectations'),
    list([
      'Each party shall report progress against the indicators of the Mission Accountability Framework every quarter.',
      'Contingents shall meet the operational readiness standards verified by the Secretariat before and during deployment.',
    ]),
    heading(2, '4. Consent parameters'),
    list([
      'The Government shall guarantee the freedom of movement of Mission personnel, including unannounced patrols and the use of air assets, in accordance with the Status of Forces Agreement.',
      'Any restriction of movement shall be notified to the Head of Mission within 24 hours and reviewed by the Joint Coordination Committee.',
    ]),
    heading(2, '5. Mutual accountability'),
    list([
      'The parties shall hold each other accountable for the commitments in this compact through the Joint Coordination Committee, which meets quarterly.',
      'Findings of the annual review shall be published in a summary agreed by all parties.',
    ]),
    heading(2, '6. Review mechanism'),
    list([
      'This compact shall be reviewed annually, ahead of the renewal of the Mission mandate.',
      'The first review shall take place no later than twelve months after adoption and shall consider the indicator data validated as of the cut-off date.',
    ]),
  ],
};
