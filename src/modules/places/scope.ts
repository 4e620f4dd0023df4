import { type AuditEntry, audit, auditMany } from '../../platform/audit/audit.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import { inTerritoryScope, type ScopedTerritory, type TerritoryScope } from '../territories/index.ts';
import { type PlacesAction, placesPolicy } from './places.policy.ts';

export type Territory = ScopedTerritory;
export type Scoped = TerritoryScope;

/** Runs `fn` in one transaction on a territory, once the places module's policy allows `action`. */
export function inTerritory<T>(
  database: Deps['database'],
  ctx: Ctx,
  slug: string,
  action: PlacesAction,
  fn: (scope: Scoped) => Promise<T>,
): Promise<T> {
  return inTerritoryScope(database, ctx, slug, placesPolicy, action, fn);
}

/** Records a write of the places module in the audit log, in the caller's transaction. */
export function record(
  { tx, territory, ctx }: Scoped,
  action: string,
  entity: string,
  entityId: string,
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  return audit(tx, ctx.actor, { territoryId: territory.id, action, entity, entityId, ...change }, ctx.requestId);
}

/** Records many writes of the places module in one statement (a series and its occurrences), in the caller's transaction. */
export function recordMany({ tx, territory, ctx }: Scoped, entries: Omit<AuditEntry, 'territoryId'>[]): Promise<void> {
  return auditMany(
    tx,
    ctx.actor,
    entries.map((e) => ({ territoryId: territory.id, ...e })),
    ctx.requestId,
  );
}
