import * as Y from 'yjs';
import { alteredAgreementIds, declaredStatesById, keyOf } from '../../negotiation/agreement-states';
import { DOCUMENT_FIELD } from '../extensions';

const provisionsOf = (fragment: Y.XmlFragment) =>
  fragment
    .toArray()
    .filter((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === 'provision');

const statesOf = (fragment: Y.XmlFragment) =>
  declaredStatesById(
    provisionsOf(fragment).map((element) => ({ id: element.getAttribute('id'), state: element.getAttribute('state') })),
  );

/**
 * An UndoManager that never brings back an agreement: undoing the deletion of an agreed provision
 * restores its words and id, but `open` — agreement is the chair's to declare, and the server
 * refuses a socket's update that gives an id a state it does not hold (see party-rules). Done in
 * the undo's own transaction, so the server only ever sees the restored provision open.
 */
export class AgreementKeepingUndoManager extends Y.UndoManager {
  override undo(): ReturnType<Y.UndoManager['undo']> {
    return this.keepingAgreement(() => super.undo(), 'undoing');
  }

  override redo(): ReturnType<Y.UndoManager['redo']> {
    return this.keepingAgreement(() => super.redo(), 'redoing');
  }

  /** Runs in the undo's or redo's own transaction, after the step (a subclass's further limits). */
  protected afterStep(): void {}

  private keepingAgreement<T>(step: () => T, flag: 'undoing' | 'redoing'): T {
    const fragment = this.doc.getXmlFragment(DOCUMENT_FIELD);
    const before = statesOf(fragment);
    let result!: T;
    try {
      this.doc.transact(() => {
        result = step();
        this.afterStep();
        const altered = new Set(alteredAgreementIds(before, statesOf(fragment)));
        for (const element of provisionsOf(fragment)) {
          if (altered.has(keyOf(element.getAttribute('id'))) && element.getAttribute('state') !== 'open')
            element.setAttribute('state', 'open');
        }
        // `step` cleared the flag when it returned; the stacks are updated when this transaction ends.
        this[flag] = true;
      }, this);
    } finally {
      this[flag] = false;
    }
    return result;
  }
}
