import type { Db } from '../db/client.ts';
import { type Actor, actorId, actorLabel } from '../policy/actor.ts';
import { auditLog } from './audit.tables.ts';

export type AuditEntry = {
  territoryId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Keys whose values never reach the audit log. */
const secretKeys = new Set(['passwordHash', 'password', 'tokenHash', 'token', 'csrfToken', 'secret']);

function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, secretKeys.has(k) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}

/** Records a write; call it with the transaction that makes the change, so both commit or neither. */
export async function audit(tx: Db, actor: Actor, entry: AuditEntry, requestId?: string): Promise<void> {
  await tx.insert(auditLog).values({
    territoryId: entry.territoryId,
    actorId: actorId(actor),
    actorLabel: actorLabel(actor),
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
    requestId: requestId ?? null,
  });
}
