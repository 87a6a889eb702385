'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { errorMessage, useTRPC } from '@/app/_lib/trpc';
import { InviteForm } from './InviteForm';
import { MemberAdminRow } from './MemberAdminRow';
import { PendingInvitations } from './PendingInvitations';

interface Props {
  compactId: string;
  mayInvite: boolean;
}

export function MembersPanel({ compactId, mayInvite }: Props) {
  const t = useTranslations();
  const trpc = useTRPC();
  const members = useQuery(trpc.members.list.queryOptions({ compactId }));
  return (
    <section className="card side-card">
      <h2>{t('members.title')}</h2>
      {mayInvite && <InviteForm compactId={compactId} />}
      {mayInvite && <PendingInvitations compactId={compactId} />}
      {members.error && <p className="alert error">{errorMessage(members.error, t)}</p>}
      <ul className="members" aria-label={t('members.label')}>
        {members.data?.map((member) => (
          <li key={member.userId}>
            <div className="member-line">
              <span>
                <span className="person-name">{member.name}</span>
                <span className="person-party">{member.partyName}</span>
              </span>
              <span className="member-badges">
                <span className="badge">{t(`role.${member.role}` as MessageKey)}</span>
                {member.signatory && <span className="badge">{t('role.signatory')}</span>}
                {member.deactivated && <span className="badge warn">{t('members.deactivated')}</span>}
              </span>
            </div>
            {member.can.manage && <MemberAdminRow compactId={compactId} member={member} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
