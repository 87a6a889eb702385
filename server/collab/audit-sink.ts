import 'server-only';
import type { AuditActor, AuditEventInput } from '../services/audit';

/**
 * Where the collaboration server's audit events go (refused updates, the server's repairs): in
 * production to the HTTP process over IPC — only it appends to the audit chains — and straight
 * into the database when the collaboration server runs in the same process (tests, benchmarks).
 */
export type AuditSink = (actor: AuditActor, event: AuditEventInput) => void;
