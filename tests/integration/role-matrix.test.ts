import { stopChainVerifier } from '@/server/services/audit-chain-status';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { english } from '../helpers/i18n';
import { TRPCError } from '@trpc/server';
import { appRouter } from '@/server/trpc/root';
import { COMPACT_ACTIONS, may, type CompactAction } from '@/server/policies/role-actions';
import { COMPACT_ROLES, type CompactRole } from '@/shared/roles';
import { buildCompact, buildParty, buildUser, callerFor, memberWithRole, addMember } from '../helpers/factories';
import {
  buildCommitment,
  buildIndicator,
  configureQuarters,
  definition,
  draftBy,
  progressInput,
  returnedBy,
  submittedBy,
} from '../helpers/framework-fixtures';
import { createTestDb } from '../helpers/test-db';
import { storedOptionKeys, withOption } from '../helpers/negotiation-fixtures';
import { inProcessCollab } from '@/server/collab/in-process-collab';
import { registerServerWriter } from '@/server/collab/collab-endpoint-registry';
import { anchorFor, buildThread, someWordsOf } from '../helpers/comment-fixtures';
import { resolveThread } from '@/server/services/comments/thread-writes';
import { createNamedVersion } from '@/server/services/versions/named-versions';
import { signVersion } from '@/server/services/sign-offs/sign-offs';
import { makeSignatory } from '../helpers/sign-off-fixtures';
import { openReviewCycle } from '@/server/services/reviews/open-cycle';
import { addFinding } from '@/server/services/reviews/findings';
import { INVITE_TTL_MS, issueLink } from '@/server/services/access-links';
import { archiveCompact, restoreCompact } from '@/server/services/compact-archive';
import { ARCHIVED_REFUSAL } from '@/server/policies/archive-policy';
import { codeOf } from '../helpers/trpc-codes';

type Caller = Awaited<ReturnType<typeof callerFor>>;

/**
 * The role matrix, written out as the product defines it. The policy module must answer exactly
 * this, and every compact-scoped procedure must answer what the policy says for its action.
 */
const ROLE_MATRIX: Record<CompactAction, readonly CompactRole[]> = {
  read: ['admin', 'negotiator', 'monitor', 'validator', 'reviewer'],
  editText: ['admin', 'negotiator'],
  chairNegotiation: ['admin'],
  manageMembers: ['admin'],
  manageFramework: ['admin'],
  proposeIndicator: ['negotiator'],
  reportProgress: ['monitor'],
  validateProgress: ['validator'],
  discussProgress: ['monitor', 'validator'],
  comment: ['admin', 'negotiator', 'monitor', 'validator', 'reviewer'],
  viewAudit: ['admin', 'reviewer'],
  nameVersion: ['admin', 'negotiator'],
  restoreVersion: ['admin'],
  manageReviews: ['admin'],
  recordFindings: ['admin', 'reviewer'],
  configureCompact: ['admin'],
};

/** Procedures that are not about one compact (they have their own tests). */
const NOT_COMPACT_SCOPED = [
  'compacts.list',
  'compacts.create',
  'parties.list',
  'parties.create',
  'account.me',
  'account.invite',
  'account.acceptInvite',
  'account.passwordReset',
  'account.resetPassword',
  'account.pendingInvitations',
  'account.acceptInvitation',
  'account.declineInvitation',
  // The interface language, signed in or out (tests/integration/account-locale.test.ts).
  'account.setLocale',
  'instanceAudit.events',
  'instanceAudit.facets',
  'instanceAudit.status',
  // Each person's own notifications and e-mail choices (tests/integration/notifications.test.ts).
  'notifications.unreadCount',
  'notifications.list',
  'notifications.markRead',
  'notifications.markAllRead',
  'notifications.emailPreferences',
  'notifications.setEmailPreference',
  // "Forgot password?", signed out (tests/integration/forgot-password.test.ts).
  'passwordHelp.available',
  'passwordHelp.request',
  'validation.queue',
  'validation.validateMany',
  'compacts.all',
  'compacts.archive',
  'compacts.restore',
];

const db = createTestDb();
let compactId: string;
let partyId: string;
let periodId: string;
let indicatorId: string;
let monitor: { userId: string; partyId: string };
let validator: { userId: string; partyId: string };
let provisionId: string;
let commenter: { id: string; partyId: string };
let versionId: string;
let cycleId: string;

/** A fresh comment thread (all parties) by a colleague of every caller's party. */
const threadId = () => buildThread(db, compactId, commenter, someWordsOf(db, compactId)).id;
/** An anchor on whatever the text says by then (the chair's procedures change it). */
const someAnchor = () => anchorFor(db, compactId, someWordsOf(db, compactId));

/** A fresh named version (each signing needs one its party has not signed). */
const freshVersionId = () =>
  createNamedVersion(
    db.db,
    { userId: commenter.id, partyId: commenter.partyId, role: 'negotiator' },
    { compactId, name: `Rev.${Math.random()}` },
  ).id;

/** A fresh sign-off of the callers' party, by a colleague who is its signatory. */
const freshSignOffId = () =>
  signVersion(
    db.db,
    { userId: commenter.id, partyId: commenter.partyId, role: 'negotiator', signatory: true },
    { compactId, versionId: freshVersionId(), statementKind: 'none' },
  ).id;

/** Makes a fresh member to act on, so each mutating call has its own target. */
async function freshTarget() {
  const person = await buildUser(db);
  addMember(db, compactId, person.id, 'negotiator', partyId);
  return person.id;
}

/** A fresh unanswered invitation to the compact (each revoke or re-issue needs its own). */
const freshInvitationId = () =>
  issueLink(
    db.db,
    { userId: commenter.id, partyId: commenter.partyId },
    { kind: 'invite', email: `pending-${Math.random()}@example.org`, compactId, partyId, role: 'reviewer' },
    INVITE_TTL_MS,
  ).id;

const PROCEDURES: {
  name: string;
  action: CompactAction;
  call: (caller: Caller) => Promise<unknown>;
}[] = [
  { name: 'compacts.byId', action: 'read', call: (c) => c.compacts.byId({ compactId }) },
  { name: 'compacts.text', action: 'read', call: (c) => c.compacts.text({ compactId }) },
  {
    name: 'negotiation.setProvisionState',
    action: 'chairNegotiation',
    call: (c) => c.negotiation.setProvisionState({ compactId, provisionId, state: 'open' }),
  },
  {
    name: 'negotiation.acceptOption',
    action: 'chairNegotiation',
    call: (c) =>
      c.negotiation.acceptOption({
        compactId,
        provisionId,
        optionIndex: 0,
        optionKeys: storedOptionKeys(db, compactId, provisionId),
      }),
  },
  { name: 'members.list', action: 'read', call: (c) => c.members.list({ compactId }) },
  { name: 'compacts.myPresence', action: 'read', call: (c) => c.compacts.myPresence({ compactId }) },
  {
    name: 'members.invite',
    action: 'manageMembers',
    call: (c) =>
      c.members.invite({
        compactId,
        email: `invitee-${Math.random()}@example.org`,
        partyId,
        role: 'reviewer',
        signatory: false,
      }),
  },
  {
    name: 'members.update',
    action: 'manageMembers',
    call: async (c) => c.members.update({ compactId, userId: await freshTarget(), role: 'reviewer', signatory: true }),
  },
  {
    name: 'members.remove',
    action: 'manageMembers',
    call: async (c) => c.members.remove({ compactId, userId: await freshTarget() }),
  },
  {
    name: 'members.rename',
    action: 'manageMembers',
    call: async (c) => c.members.rename({ compactId, userId: await freshTarget(), name: `Renamed ${Math.random()}` }),
  },
  {
    name: 'members.passwordResetLink',
    action: 'manageMembers',
    call: async (c) => c.members.passwordResetLink({ compactId, userId: await freshTarget() }),
  },
  {
    name: 'members.deactivate',
    action: 'manageMembers',
    call: async (c) => c.members.deactivate({ compactId, userId: await freshTarget() }),
  },
  { name: 'framework.view', action: 'read', call: (c) => c.framework.view({ compactId }) },
  { name: 'framework.periods', action: 'read', call: (c) => c.framework.periods({ compactId }) },
  {
    name: 'framework.configure',
    action: 'manageFramework',
    call: (c) =>
      c.framework.configure({
        compactId,
        frequency: 'quarterly',
        startDate: '2025-01-01',
        periods: 8,
        onTrackThreshold: 0.9,
        atRiskThreshold: 0.6,
        requireEvidence: false,
      }),
  },
  {
    name: 'framework.exportFrameworkCsv',
    action: 'read',
    call: (c) => c.framework.exportFrameworkCsv({ compactId, separator: ',' }),
  },
  {
    name: 'framework.exportProgressCsv',
    action: 'read',
    call: (c) => c.framework.exportProgressCsv({ compactId, separator: ';' }),
  },
  {
    name: 'framework.importFrameworkCsv',
    action: 'manageFramework',
    call: (c) =>
      c.framework.importFrameworkCsv({
        compactId,
        csv: `code,title,level,measure,direction,responsible_party\nCSV-${Math.random().toString(36).slice(2, 8)},From CSV,output,number,increase,${partyCode}\n`,
      }),
  },
  {
    name: 'framework.importProgressCsv',
    action: 'reportProgress',
    call: (c) =>
      c.framework.importProgressCsv({ compactId, csv: `indicator_code,period,value\n${indicatorCode},2025-Q2,4\n` }),
  },
  { name: 'commitments.list', action: 'read', call: (c) => c.commitments.list({ compactId }) },
  {
    name: 'commitments.create',
    action: 'manageFramework',
    call: (c) =>
      c.commitments.create({
        compactId,
        reference: 'Section 2',
        leadPartyId: partyId,
        supportingPartyIds: [],
        deliverable: 'Plan',
        dueDate: null,
        narrativeStatus: '',
      }),
  },
  {
    name: 'commitments.update',
    action: 'manageFramework',
    call: (c) =>
      c.commitments.update({
        compactId,
        commitmentId: buildCommitment(db, compactId, partyId).id,
        reference: 'Section 3',
        leadPartyId: partyId,
        supportingPartyIds: [],
        deliverable: 'Plan B',
        dueDate: '2027-06-30',
        narrativeStatus: 'Started',
      }),
  },
  {
    name: 'commitments.retire',
    action: 'manageFramework',
    call: (c) => c.commitments.retire({ compactId, commitmentId: buildCommitment(db, compactId, partyId).id }),
  },
  { name: 'indicators.list', action: 'read', call: (c) => c.indicators.list({ compactId }) },
  { name: 'indicators.detail', action: 'read', call: (c) => c.indicators.detail({ compactId, indicatorId }) },
  { name: 'indicators.byId', action: 'read', call: (c) => c.indicators.byId({ compactId, indicatorId }) },
  {
    name: 'indicators.create',
    action: 'manageFramework',
    call: (c) => c.indicators.create({ compactId, ...definition(partyId) }),
  },
  {
    name: 'indicators.propose',
    action: 'proposeIndicator',
    call: (c) => c.indicators.propose({ compactId, ...definition(partyId) }),
  },
  {
    name: 'indicators.accept',
    action: 'manageFramework',
    call: (c) =>
      c.indicators.accept({ compactId, indicatorId: buildIndicator(db, compactId, partyId, {}, 'proposed').id }),
  },
  {
    name: 'indicators.update',
    action: 'manageFramework',
    call: (c) =>
      c.indicators.update({
        compactId,
        indicatorId: buildIndicator(db, compactId, partyId).id,
        ...definition(partyId, { title: 'Renamed' }),
      }),
  },
  {
    name: 'indicators.retire',
    action: 'manageFramework',
    call: (c) => c.indicators.retire({ compactId, indicatorId: buildIndicator(db, compactId, partyId).id }),
  },
  {
    name: 'indicators.setTarget',
    action: 'manageFramework',
    call: (c) => c.indicators.setTarget({ compactId, indicatorId, target: { periodId, value: 25 } }),
  },
  {
    name: 'progress.periodSheet',
    action: 'reportProgress',
    call: (c) => c.progress.periodSheet({ compactId, periodId }),
  },
  {
    name: 'progress.saveDraft',
    action: 'reportProgress',
    call: (c) => c.progress.saveDraft({ compactId, ...progressInput(indicatorId, periodId) }),
  },
  {
    name: 'progress.submit',
    action: 'reportProgress',
    call: (c) => c.progress.submit({ compactId, updateId: draftBy(db, monitor, compactId, indicatorId, periodId).id }),
  },
  {
    name: 'progress.withdraw',
    action: 'reportProgress',
    call: (c) =>
      c.progress.withdraw({ compactId, updateId: submittedBy(db, monitor, compactId, indicatorId, periodId).id }),
  },
  {
    name: 'progress.validate',
    action: 'validateProgress',
    call: (c) =>
      c.progress.validate({
        compactId,
        updateId: submittedBy(db, monitor, compactId, indicatorId, periodId).id,
        rating: null,
      }),
  },
  {
    name: 'progress.return',
    action: 'validateProgress',
    call: (c) =>
      c.progress.return({
        compactId,
        updateId: submittedBy(db, monitor, compactId, indicatorId, periodId).id,
        reason: 'Source missing',
      }),
  },
  {
    name: 'progress.comment',
    action: 'discussProgress',
    call: (c) =>
      c.progress.comment({
        compactId,
        updateId: returnedBy(db, monitor, validator, compactId, indicatorId, periodId).id,
        body: 'Added the source.',
      }),
  },
  { name: 'provisions.list', action: 'read', call: (c) => c.provisions.list({ compactId }) },
  { name: 'provisions.partyLegend', action: 'read', call: (c) => c.provisions.partyLegend({ compactId }) },
  { name: 'provisions.indicators', action: 'read', call: (c) => c.provisions.indicators({ compactId }) },
  {
    name: 'provisions.decisions',
    action: 'read',
    call: (c) => c.provisions.decisions({ compactId, provisionId: 'aaaaaaaaaaaa' }),
  },
  { name: 'comments.list', action: 'comment', call: (c) => c.comments.list({ compactId }) },
  {
    name: 'comments.create',
    action: 'comment',
    call: (c) => c.comments.create({ compactId, ...someAnchor(), visibility: 'all', body: 'Why?' }),
  },
  {
    name: 'comments.reply',
    action: 'comment',
    call: (c) => c.comments.reply({ compactId, threadId: threadId(), body: 'Because.' }),
  },
  { name: 'comments.resolve', action: 'comment', call: (c) => c.comments.resolve({ compactId, threadId: threadId() }) },
  {
    name: 'comments.reopen',
    action: 'comment',
    call: (c) => {
      const id = threadId();
      resolveThread(db.db, { userId: commenter.id, partyId: commenter.partyId, role: 'negotiator' }, compactId, id);
      return c.comments.reopen({ compactId, threadId: id });
    },
  },
  {
    name: 'comments.deleteComment',
    action: 'comment',
    call: async (c) => {
      const thread = await c.comments.create({
        compactId,
        ...someAnchor(),
        visibility: 'delegation',
        body: 'Mine.',
      });
      return c.comments.deleteComment({ compactId, commentId: thread.comments[0]!.id });
    },
  },
  { name: 'audit.events', action: 'viewAudit', call: (c) => c.audit.events({ compactId }) },
  { name: 'audit.facets', action: 'viewAudit', call: (c) => c.audit.facets({ compactId }) },
  { name: 'audit.status', action: 'viewAudit', call: (c) => c.audit.status({ compactId }) },
  { name: 'audit.heads', action: 'viewAudit', call: (c) => c.audit.heads({ compactId }) },
  {
    name: 'audit.locateHead',
    action: 'viewAudit',
    call: (c) => c.audit.locateHead({ compactId, hash: 'a'.repeat(64) }),
  },
  { name: 'versions.list', action: 'read', call: (c) => c.versions.list({ compactId }) },
  { name: 'versions.get', action: 'read', call: (c) => c.versions.get({ compactId, versionId }) },
  {
    name: 'versions.create',
    action: 'nameVersion',
    call: (c) => c.versions.create({ compactId, name: `Rev.${Math.random()}`, symbol: 'S/2027/123/Rev.1' }),
  },
  {
    name: 'versions.compare',
    action: 'read',
    call: (c) => c.versions.compare({ compactId, fromVersionId: versionId }),
  },
  {
    name: 'versions.restore',
    action: 'restoreVersion',
    call: (c) => c.versions.restore({ compactId, versionId }),
  },
  // Signing is for signatories (a flag of the membership, any role): every caller here is one;
  // the signatory rule itself is tested below and in sign-offs.test.ts.
  { name: 'signOffs.status', action: 'read', call: (c) => c.signOffs.status({ compactId }) },
  {
    name: 'signOffs.sign',
    action: 'read',
    call: (c) => c.signOffs.sign({ compactId, versionId: freshVersionId(), statementKind: 'none' }),
  },
  {
    name: 'signOffs.withdraw',
    action: 'read',
    call: (c) => c.signOffs.withdraw({ compactId, signOffId: freshSignOffId() }),
  },
  { name: 'reviews.list', action: 'read', call: (c) => c.reviews.list({ compactId }) },
  { name: 'reviews.get', action: 'read', call: (c) => c.reviews.get({ compactId, cycleId }) },
  {
    name: 'reviews.open',
    action: 'manageReviews',
    call: (c) => c.reviews.open({ compactId, name: `Review ${Math.random()}`, cutOff: today() }),
  },
  {
    name: 'reviews.close',
    action: 'manageReviews',
    call: (c) => c.reviews.close({ compactId, cycleId: freshCycle() }),
  },
  { name: 'reviews.findings', action: 'read', call: (c) => c.reviews.findings({ compactId, cycleId }) },
  {
    name: 'reviews.addFinding',
    action: 'recordFindings',
    call: (c) => c.reviews.addFinding({ compactId, cycleId, subjectType: 'general', kind: 'question', body: 'Why?' }),
  },
  {
    name: 'reviews.setFindingStatus',
    action: 'recordFindings',
    call: (c) => c.reviews.setFindingStatus({ compactId, findingId: freshFinding(), status: 'closed' }),
  },
  { name: 'members.invitations', action: 'manageMembers', call: (c) => c.members.invitations({ compactId }) },
  {
    name: 'members.revokeInvitation',
    action: 'manageMembers',
    call: (c) => c.members.revokeInvitation({ compactId, invitationId: freshInvitationId() }),
  },
  {
    name: 'members.reissueInvitation',
    action: 'manageMembers',
    call: (c) => c.members.reissueInvitation({ compactId, invitationId: freshInvitationId() }),
  },
  {
    name: 'compacts.setTextLanguage',
    action: 'configureCompact',
    call: (c) => c.compacts.setTextLanguage({ compactId, textLanguage: 'fr' }),
  },
  {
    name: 'indicators.setTargets',
    action: 'manageFramework',
    call: (c) => c.indicators.setTargets({ compactId, indicatorId, rows: [{ periodId, value: '25' }] }),
  },
];

const today = () => new Date().toISOString().slice(0, 10);
/** A fresh open review cycle (for closing), opened by an administrator of the compact. */
const freshCycle = () =>
  openReviewCycle(
    db.db,
    { userId: commenter.id, partyId: commenter.partyId, role: 'admin' },
    {
      compactId,
      name: `Cycle ${Math.random()}`,
      cutOff: today(),
    },
  ).id;
/** A fresh open question in the cycle every caller uses. */
const freshFinding = () =>
  addFinding(
    db.db,
    { userId: commenter.id, partyId: commenter.partyId, role: 'reviewer' },
    { compactId, cycleId, subjectType: 'general', kind: 'question', body: 'What changed?' },
  ).id;

let partyCode: string;
let indicatorCode: string;

describe('the policy module × every role', () => {
  test('the policy knows exactly the actions of the role matrix', () => {
    assert.deepEqual([...COMPACT_ACTIONS].sort(), Object.keys(ROLE_MATRIX).sort());
  });
  for (const action of COMPACT_ACTIONS) {
    for (const role of COMPACT_ROLES) {
      const allowed = ROLE_MATRIX[action].includes(role);
      test(`${action} as ${role}: ${allowed ? 'allowed' : 'refused'}`, () => {
        assert.equal(may({ role }, action), allowed);
      });
    }
  }
});

describe('every compact-scoped procedure × every role', () => {
  test('every procedure of the API is in this matrix or known not to be about one compact', () => {
    const tested = PROCEDURES.map((p) => p.name);
    const all = Object.keys(appRouter._def.procedures).filter((name) => !NOT_COMPACT_SCOPED.includes(name));
    assert.deepEqual(all.sort(), [...tested].sort());
  });

  const callers = new Map<CompactRole, Caller>();
  let collab: ReturnType<typeof inProcessCollab>;
  let outsider: Caller;
  let signedOut: Caller;

  before(async () => {
    compactId = buildCompact(db, { text: 'Operative paragraph one.' }).id;
    provisionId = withOption(db, compactId);
    collab = inProcessCollab(db);
    registerServerWriter(collab);
    const party = buildParty(db);
    partyId = party.id;
    partyCode = party.shortCode;
    for (const role of COMPACT_ROLES) {
      const member = await memberWithRole(db, compactId, role, partyId);
      makeSignatory(db, compactId, member.id);
      callers.set(role, member.caller);
      if (role === 'monitor') monitor = { userId: member.id, partyId };
      if (role === 'validator') validator = { userId: member.id, partyId };
    }
    commenter = { id: (await memberWithRole(db, compactId, 'negotiator', partyId)).id, partyId };
    makeSignatory(db, compactId, commenter.id);
    versionId = createNamedVersion(
      db.db,
      { ...commenter, userId: commenter.id, role: 'negotiator' },
      {
        compactId,
        name: 'Zero draft',
      },
    ).id;
    cycleId = freshCycle();
    periodId = configureQuarters(db, compactId)[1]!.id;
    const indicator = buildIndicator(db, compactId, partyId);
    indicatorId = indicator.id;
    indicatorCode = indicator.code;
    // a member of another compact only
    const other = buildCompact(db).id;
    outsider = (await memberWithRole(db, other, 'admin')).caller;
    signedOut = await callerFor(db, null);
  });
  after(async () => {
    await collab.close();
    await stopChainVerifier();
    db.cleanup();
  });

  for (const procedure of PROCEDURES) {
    for (const role of COMPACT_ROLES) {
      const allowed = ROLE_MATRIX[procedure.action].includes(role);
      test(`${procedure.name} as ${role}: ${allowed ? 'allowed' : 'FORBIDDEN'}`, async () => {
        assert.equal(await codeOf(procedure.call(callers.get(role)!)), allowed ? 'OK' : 'FORBIDDEN');
      });
    }
    test(`${procedure.name} as a non-member: NOT_FOUND`, async () => {
      assert.equal(await codeOf(procedure.call(outsider)), 'NOT_FOUND');
    });
    test(`${procedure.name} signed out: UNAUTHORIZED`, async () => {
      assert.equal(await codeOf(procedure.call(signedOut)), 'UNAUTHORIZED');
    });
  }

  for (const role of COMPACT_ROLES) {
    test(`signOffs.sign and signOffs.withdraw as a ${role} who is not a signatory: FORBIDDEN`, async () => {
      const { caller } = await memberWithRole(db, compactId, role, partyId);
      assert.equal(
        await codeOf(caller.signOffs.sign({ compactId, versionId: freshVersionId(), statementKind: 'none' })),
        'FORBIDDEN',
      );
      assert.equal(await codeOf(caller.signOffs.withdraw({ compactId, signOffId: freshSignOffId() })), 'FORBIDDEN');
    });
  }

  test('a compact that does not exist looks the same as one you are not a member of', async () => {
    const admin = callers.get('admin')!;
    assert.equal(await codeOf(admin.compacts.byId({ compactId: 'no-such-compact' })), 'NOT_FOUND');
  });

  describe('on an archived compact: every mutation refused as archived, every query answered', () => {
    const typeOf = (name: string) =>
      (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[name]!._def.type;
    before(() => archiveCompact(db.db, { userId: commenter.id }, { compactId, reason: 'Superseded' }));
    after(() => restoreCompact(db.db, { userId: commenter.id }, { compactId, reason: '' }));

    for (const procedure of PROCEDURES) {
      const mutation = typeOf(procedure.name) === 'mutation';
      for (const role of ROLE_MATRIX[procedure.action]) {
        test(`${procedure.name} as ${role} on an archived compact: ${mutation ? 'FORBIDDEN (archived)' : 'allowed'}`, async () => {
          const outcome = procedure.call(callers.get(role)!);
          if (!mutation) return void (await outcome);
          await assert.rejects(outcome, (error: unknown) => {
            assert.ok(error instanceof TRPCError);
            assert.equal(error.code, 'FORBIDDEN');
            assert.equal(error.message, english(ARCHIVED_REFUSAL));
            return true;
          });
        });
      }
    }
  });
});
