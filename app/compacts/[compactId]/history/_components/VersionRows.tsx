'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import type { RouterOutputs } from '@/app/_lib/router-types';
import { Contributors } from './Contributors';
import { moment } from '@/i18n/format';

export type ListedVersion = RouterOutputs['versions']['list']['versions'][number];

interface Choice {
  from: string | null;
  to: string;
  onFrom: (versionId: string) => void;
  onTo: (versionId: string) => void;
}

function VersionRow({ compactId, version, choice }: { compactId: string; version: ListedVersion; choice: Choice }) {
  const t = useTranslations();
  const format = useFormatter();
  const title = version.kind === 'named' ? version.name : t('history.automatic', { number: version.number });
  const at = new Date(version.createdAt);
  return (
    <tr className={version.kind === 'named' ? 'version-named' : 'version-auto'}>
      <td>
        <input
          type="radio"
          name="compare-from"
          aria-label={t('history.fromLabel', { name: title ?? '' })}
          checked={choice.from === version.id}
          onChange={() => choice.onFrom(version.id)}
        />
      </td>
      <td>
        <input
          type="radio"
          name="compare-to"
          aria-label={t('history.toLabel', { name: title ?? '' })}
          checked={choice.to === version.id}
          onChange={() => choice.onTo(version.id)}
        />
      </td>
      <td>
        <Link href={`/compacts/${compactId}/history/${version.id}`} className="version-title">
          {version.kind === 'named' ? `#${version.number} ${title}` : title}
        </Link>
        {version.symbol ? <span className="code"> {version.symbol}</span> : null}
        {version.note ? <p className="muted small version-note">{version.note}</p> : null}
      </td>
      <td>
        <time dateTime={at.toISOString()}>{moment(format, at)}</time>
        {version.createdBy ? <span className="muted small"> · {version.createdBy.name}</span> : null}
      </td>
      <td>
        <Contributors contributors={version.contributors} />
      </td>
    </tr>
  );
}

/** One named version, or a run of automatic ones folded behind a toggle. */
export function VersionRows({
  compactId,
  versions,
  ...choice
}: { compactId: string; versions: ListedVersion[] } & Choice) {
  const t = useTranslations();
  const format = useFormatter();
  const [open, setOpen] = useState(false);
  const first = versions[0]!;
  if (first.kind === 'named' || versions.length === 1)
    return (
      <tbody>
        <VersionRow compactId={compactId} version={first} choice={choice} />
      </tbody>
    );
  const newest = moment(format, first.createdAt);
  const oldest = moment(format, versions.at(-1)!.createdAt);
  return (
    <tbody className="version-group">
      <tr>
        <td colSpan={5}>
          <button type="button" className="button small secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t('history.autoGroup', { count: versions.length, oldest, newest })}
          </button>
        </td>
      </tr>
      {open
        ? versions.map((version) => (
            <VersionRow key={version.id} compactId={compactId} version={version} choice={choice} />
          ))
        : null}
    </tbody>
  );
}
