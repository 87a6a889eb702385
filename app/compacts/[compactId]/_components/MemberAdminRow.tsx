'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { COMPACT_ROLES, type CompactRole } from '@/shared/roles';
import { MAX_DISPLAY_NAME_LENGTH } from '@/shared/display-name-rules';
import { useFormatter, useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { useTRPC } from '@/app/_lib/trpc';
import { ErrorAlert } from '@/app/_components/FormFooter';
import { OneTimeLink } from './OneTimeLink';
import { moment } from '@/i18n/format';

interface Member {
  userId: string;
  name: string;
  role: CompactRole;
  signatory: boolean;
  deactivated: boolean;
  /** The server's answer: may the viewer act on this person's account itself (name, reset link, deactivation)? */
  can: { manageAccount: boolean };
}

/** An admin's controls for one member: role and signatory, display name, reset link, remove, deactivate. */
export function MemberAdminRow({ compactId, member }: { compactId: string; member: Member }) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<CompactRole>(member.role);
  const [signatory, setSignatory] = useState(member.signatory);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey({ compactId }) });
  const update = useMutation(trpc.members.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSuccess: refresh }));
  const deactivate = useMutation(trpc.members.deactivate.mutationOptions({ onSuccess: refresh }));
  const resetLink = useMutation(trpc.members.passwordResetLink.mutationOptions());
  const rename = useMutation(trpc.members.rename.mutationOptions({ onSuccess: refresh }));
  const [name, setName] = useState(member.name);
  const error = update.error ?? rename.error ?? remove.error ?? deactivate.error ?? resetLink.error;
  const target = { compactId, userId: member.userId };

  return (
    <details className="member-admin">
      <summary>{t('members.manage', { name: member.name })}</summary>
      <div className="member-controls">
        <select
          aria-label={`${t('members.role')}: ${member.name}`}
          value={role}
          onChange={(e) => setRole(e.target.value as CompactRole)}
        >
          {COMPACT_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}` as MessageKey)}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={signatory} onChange={(e) => setSignatory(e.target.checked)} />{' '}
          {t('role.signatory')}
        </label>
        <button
          type="button"
          className="button primary small"
          disabled={update.isPending}
          onClick={() => update.mutate({ ...target, role, signatory })}
        >
          {t('members.save')}
        </button>
      </div>
      <div className="member-controls">
        <button
          type="button"
          className="button danger small"
          onClick={() => window.confirm(t('members.confirmRemove', { name: member.name })) && remove.mutate(target)}
        >
          {t('members.remove')}
        </button>
      </div>
      {member.can.manageAccount ? (
        <>
          <div className="member-controls">
            <input
              aria-label={`${t('members.name')}: ${member.name}`}
              value={name}
              maxLength={MAX_DISPLAY_NAME_LENGTH}
              onChange={(e) => setName(e.target.value)}
            />
            <button
              type="button"
              className="button secondary small"
              disabled={rename.isPending || name.trim() === member.name}
              onClick={() => rename.mutate({ ...target, name })}
            >
              {t('members.rename')}
            </button>
          </div>
          <div className="member-controls">
            <button type="button" className="button secondary small" onClick={() => resetLink.mutate(target)}>
              {t('members.resetLink')}
            </button>
            {!member.deactivated && (
              <button
                type="button"
                className="button danger small"
                onClick={() =>
                  window.confirm(t('members.confirmDeactivate', { name: member.name })) && deactivate.mutate(target)
                }
              >
                {t('members.deactivate')}
              </button>
            )}
          </div>
        </>
      ) : (
        <p className="muted small">{t('members.beyondCompactHint')}</p>
      )}
      <ErrorAlert error={error} />
      {resetLink.data && (
        <OneTimeLink
          path={resetLink.data.path}
          message={t('members.resetReady', {
            name: member.name,
            date: moment(format, resetLink.data.expiresAt),
          })}
        />
      )}
    </details>
  );
}
