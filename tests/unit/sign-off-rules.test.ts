import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  signOffPermissions,
  signRefusal,
  withdrawSignOffRefusal,
  type SigningMember,
} from '@/server/policies/sign-off-policy';
import { english } from '../helpers/i18n';
import { cleanFreeText, statementProblem, withdrawalReasonProblem } from '@/shared/history/sign-off-rules';
import { COMPACT_ROLES, type CompactRole } from '@/shared/roles';

const member = (role: CompactRole, signatory: boolean, partyId = 'aldoria'): SigningMember => ({
  userId: `${role}-${partyId}`,
  partyId,
  role,
  signatory,
});

describe('who signs and withdraws', () => {
  for (const role of COMPACT_ROLES) {
    test(`a ${role} signs only when their membership is a signatory`, () => {
      assert.equal(signRefusal(member(role, true)), null);
      assert.match(english(signRefusal(member(role, false))), /Only a signatory/);
      assert.equal(signOffPermissions(member(role, false)).canSign, false);
      assert.deepEqual(signOffPermissions(member(role, true)), { canSign: true, partyId: 'aldoria' });
    });
  }

  test('a signatory withdraws their own party’s sign-off, whoever signed it, and never another party’s', () => {
    assert.equal(withdrawSignOffRefusal(member('monitor', true), { partyId: 'aldoria' }), null);
    assert.match(english(withdrawSignOffRefusal(member('admin', true), { partyId: 'varenia' })), /own party/);
    assert.match(english(withdrawSignOffRefusal(member('negotiator', false), { partyId: 'aldoria' })), /signatory/);
  });
});

describe('statements and reasons', () => {
  test('free text is trimmed and normalised to NFC, and empty text is no text', () => {
    assert.equal(cleanFreeText('  Cafe\u0301 '), 'Café');
    assert.equal(cleanFreeText(' \n '), null);
    assert.equal(cleanFreeText(undefined), null);
  });

  test('a reservation or interpretive statement needs its text; "no statement" takes none', () => {
    assert.equal(statementProblem('none', null), null);
    assert.ok(statementProblem('none', 'Something.'));
    assert.ok(statementProblem('reservation', null));
    assert.equal(statementProblem('interpretive', 'Line one.\nLine two.\tIndented.'), null);
  });

  test('a statement is bounded to 4,000 characters (counted as characters, not UTF-16 units) and refuses control and direction characters', () => {
    assert.equal(statementProblem('reservation', '😀'.repeat(4000)), null);
    assert.ok(statementProblem('reservation', 's'.repeat(4001)));
    assert.ok(statementProblem('reservation', 'A\u202Eb'));
    assert.ok(statementProblem('reservation', 'A\u2066b'));
    assert.ok(statementProblem('reservation', 'A\u0000b'));
  });

  test('a withdrawal reason is optional, at most 1,000 characters, without control or direction characters', () => {
    assert.equal(withdrawalReasonProblem(null), null);
    assert.equal(withdrawalReasonProblem('r'.repeat(1000)), null);
    assert.ok(withdrawalReasonProblem('r'.repeat(1001)));
    assert.ok(withdrawalReasonProblem('Why\u2028not'));
  });
});
