import { sql } from 'drizzle-orm';
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

/** Keys whose values never reach the audit log: passwords, secrets and tokens, and their hashes (`checkInTokenHash`…). */
const secretKey = /(password|secret|token)(hash)?$/i;

function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, secretKey.test(k) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}

function rowOf(actor: Actor, entry: AuditEntry, requestId?: string) {
  return {
    territoryId: entry.territoryId,
    actorId: actorId(actor),
    actorLabel: actorLabel(actor),
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
    requestId: requestId ?? null,
  };
}

/** Records a write; call it with the transaction that makes the change, so both commit or neither. */
export async function audit(tx: Db, actor: Actor, entry: AuditEntry, requestId?: string): Promise<void> {
  await tx.insert(auditLog).values(rowOf(actor, entry, requestId));
}

/**
 * Records many writes in one statement (bulk imports), in order, in the caller's transaction like
 * `audit`. The entries travel as one JSON parameter: binding thousands of parameters would cost
 * more than the insert itself.
 */
export async function auditMany(tx: Db, actor: Actor, entries: AuditEntry[], requestId?: string): Promise<void> {
  if (!entries.length) return;
  const rows = entries.map((e) => {
    const r = rowOf(actor, e, requestId);
    const names = { territory_id: r.territoryId, actor_id: r.actorId, actor_label: r.actorLabel, entity_id: r.entityId };
    return { ...names, action: r.action, entity: r.entity, before: r.before, after: r.after, request_id: r.requestId };
  });
  await tx.execute(sql`INSERT INTO audit_log (territory_id, actor_id, actor_label, action, entity, entity_id, before, after, request_id)
    SELECT territory_id, actor_id, actor_label, action, entity, entity_id, before, after, request_id
    FROM json_populate_recordset(NULL::audit_log, ${JSON.stringify(rows)}::json)`);
}
