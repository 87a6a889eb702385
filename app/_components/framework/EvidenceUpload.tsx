'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { isProblem } from '@/i18n/input-issues';
import { problemText } from '@/i18n/problem';
import { StatusNotice } from '@/app/_components/StatusNotice';

/** The files of a draft or returned update, and an upload of one more (POST /api/compacts/:id/evidence). */
export function EvidenceUpload({
  compactId,
  updateId,
  files,
}: {
  compactId: string;
  updateId: string;
  files: { id: string; filename: string }[];
}) {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const upload = async (file: File) => {
    const body = new FormData();
    body.set('file', file);
    const response = await fetch(`/api/compacts/${compactId}/evidence?updateId=${encodeURIComponent(updateId)}`, {
      method: 'POST',
      body,
    });
    const result = (await response.json().catch(() => ({}))) as { problem?: unknown };
    const failure = isProblem(result.problem) ? problemText(t, result.problem) : t('common.error');
    setMessage(response.ok ? `${file.name}: ${t('progress.saved')}` : failure);
    void queryClient.invalidateQueries();
  };
  return (
    <div className="field">
      {files.length > 0 && (
        <>
          <span>{t('progress.files')}</span>
          <ul className="plain evidence-list">
            {files.map((file) => (
              <li key={file.id}>
                <a href={`/api/compacts/${compactId}/evidence/${file.id}`}>{file.filename}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <label className="field">
        <span>{t('progress.upload')}</span>
        <input
          type="file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
            e.target.value = '';
          }}
        />
      </label>
      <StatusNotice className="small">{message}</StatusNotice>
    </div>
  );
}
