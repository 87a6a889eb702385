import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { compactTableExtensions } from './compact-table';
import { PasteCleanup } from './paste/paste-cleanup';
import { Bracket } from './negotiation/bracket-mark';
import { CompactDocument } from './negotiation/document-node';
import { ProvisionOption } from './negotiation/option-node';
import { OwnBrackets } from './negotiation/own-brackets';
import { ProvisionIds } from './negotiation/provision-ids';
import { Provision } from './negotiation/provision-node';
import { ProvisionNumbers } from './negotiation/provision-numbers';
import { PartyGuard, type PartyGuardReason } from './negotiation/party-guard';
import { noProposer, type ProposerSource } from './negotiation/proposer';

/**
 * The version of the document schema this extension list produces. Bump it whenever nodes, marks
 * or attributes change: a browser tab still running an older bundle is then told to reload before
 * it syncs (its editor would otherwise drop whatever its schema cannot build).
 * 2: sections and provisions, brackets and options (negotiation).
 */
export const EDITOR_SCHEMA_VERSION = 2;

/** The Yjs fragment the editor binds to (Tiptap's Collaboration default). */
export const DOCUMENT_FIELD = 'default';

export interface CompactTextOptions {
  /** Who brackets and options are proposed as (the browser editor of a person who may edit). */
  proposer?: ProposerSource;
  /** Told when the editor stopped an edit of another party's proposal (see party-guard.ts). */
  onBlocked?: (reason: PartyGuardReason) => void;
}

/**
 * The one extension list for compact text, used by the browser editor (which adds
 * Collaboration and CollaborationCaret on top) and by server-side conversion.
 * Undo/redo is off: with Collaboration on, undo comes from the Yjs UndoManager.
 */
export function compactTextExtensions({
  proposer = noProposer,
  onBlocked = () => undefined,
}: CompactTextOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      document: false,
      trailingNode: false,
      undoRedo: false,
      link: false,
      codeBlock: false,
      code: false,
      horizontalRule: false,
      heading: { levels: [1, 2, 3] },
    }),
    CompactDocument,
    Provision,
    ProvisionOption.configure({ proposer }),
    Bracket.configure({ proposer }),
    OwnBrackets.configure({ proposer }),
    ProvisionIds,
    ProvisionNumbers,
    PartyGuard.configure({ proposer, onBlocked }),
    // Before the tables: a paste into a table (which prosemirror-tables takes over) still updates the paste notice.
    PasteCleanup,
    ...compactTableExtensions(),
  ];
}
