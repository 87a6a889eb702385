import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { evidenceFiles } from '@/db/schema/framework';
import { authorize } from '@/server/policies/authorize';
import { otherPartysUpdateRefusal } from '@/server/policies/progress-policy';
import { isEditable } from '@/shared/framework/progress-workflow';
import { recordAuditEvent } from '../audit';
import { DomainError } from '../domain-error';
import { newId } from '../ids';
import { requireUpdate, type ProgressActor } from './progress';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** The most files one update holds (as many as its evidence links): a bound on the disk one monitor can fill. */
export const MAX_EVIDENCE_FILES = 20;

/** Accepted evidence types: extension → content type and, where the format has one, its leading bytes. */
const ACCEPTED: Record<string, { type: string; magic?: number[] }> = {
  pdf: { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  png: { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [0x50, 0x4b, 0x03, 0x04] },
  csv: { type: 'text/csv' },
  txt: { type: 'text/plain' },
};

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

function checkFile(file: UploadedFile) {
  if (file.bytes.byteLength === 0) throw new DomainError('BAD_REQUEST', { key: 'errors.evidence.fileEmpty' });
  if (file.bytes.byteLength > MAX_EVIDENCE_BYTES)
    throw new DomainError('BAD_REQUEST', { key: 'errors.evidence.evidenceFilesAreLimited' });
  const extension = path.extname(file.name).slice(1).toLowerCase();
  const accepted = ACCEPTED[extension];
  if (!accepted)
    throw new DomainError('BAD_REQUEST', {
      key: 'errors.evidence.acceptedEvidence',
      args: { types: Object.keys(ACCEPTED).join(', ') },
    });
  if (accepted.magic && !accepted.magic.every((byte, i) => file.bytes[i] === byte))
    throw new DomainError('BAD_REQUEST', { key: 'errors.evidence.fileNotValidFile', args: { extension } });
  return accepted.type;
}

/**
 * Stores an evidence file of a draft or returned update of the uploader's party, under the data
 * folder. The file is written last, inside the transaction that records it: a refusal leaves
 * nothing on disk, and a failure to store it leaves no row.
 */
export function storeEvidence(
  db: Db,
  actor: ProgressActor,
  compactId: string,
  updateId: string,
  file: UploadedFile,
  evidenceDir: string,
) {
  const contentType = checkFile(file);
  const id = newId();
  const folder = path.join(evidenceDir, compactId);
  const filename = path
    .basename(file.name)
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .slice(0, 200);
  try {
    db.transaction((tx) => {
      const update = requireUpdate(tx, compactId, updateId);
      authorize(otherPartysUpdateRefusal(actor, update));
      if (!isEditable(update.state))
        throw new DomainError('CONFLICT', {
          key: 'errors.evidence.updateEvidenceCanNo',
          args: { state: update.state },
        });
      if (countEvidenceFiles(tx, updateId) >= MAX_EVIDENCE_FILES)
        throw new DomainError('BAD_REQUEST', {
          key: 'errors.evidence.updateHoldsMostEvidence',
          args: { max: MAX_EVIDENCE_FILES },
        });
      tx.insert(evidenceFiles)
        .values({
          id,
          compactId,
          updateId,
          filename,
          contentType,
          size: file.bytes.byteLength,
          storedName: id,
          uploadedBy: actor.userId,
          createdAt: new Date(),
        })
        .run();
      recordAuditEvent(tx, actor, {
        compactId,
        action: 'progress.evidence-added',
        entityType: 'progress-update',
        entityId: updateId,
        after: { file: filename, size: file.bytes.byteLength },
      });
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, id), file.bytes, { flag: 'wx' });
    });
  } catch (error) {
    fs.rmSync(path.join(folder, id), { force: true });
    throw error;
  }
  return { id, filename };
}

/** How many files an update holds. */
export function countEvidenceFiles(db: DbOrTx, updateId: string): number {
  const [row] = db.select({ files: count() }).from(evidenceFiles).where(eq(evidenceFiles.updateId, updateId)).all();
  return row?.files ?? 0;
}

export function findEvidence(db: DbOrTx, compactId: string, fileId: string, evidenceDir: string) {
  const [row] = db
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.compactId, compactId), eq(evidenceFiles.id, fileId)))
    .all();
  if (!row) throw new DomainError('NOT_FOUND', { key: 'errors.evidence.noSuchFile' });
  return {
    path: path.join(evidenceDir, compactId, row.storedName),
    filename: row.filename,
    contentType: row.contentType,
    size: row.size,
  };
}
