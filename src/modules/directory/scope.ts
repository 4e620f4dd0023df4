import { audit } from '../../platform/audit/audit.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import { inTerritoryScope, type ScopedTerritory, type TerritoryScope } from '../territories/index.ts';
import { type DirectoryAction, directoryPolicy } from './directory.policy.ts';

export type Territory = ScopedTerritory;
export type Scoped = TerritoryScope;

/** Runs `fn` in one transaction on a territory, once the directory module's policy allows `action`. */
export function inTerritory<T>(
  database: Deps['database'],
  ctx: Ctx,
  slug: string,
  action: DirectoryAction,
  fn: (scope: Scoped) => Promise<T>,
): Promise<T> {
  return inTerritoryScope(database, ctx, slug, directoryPolicy, action, fn);
}

/** Keys that only serve search: left out of the audit log. */
const derived = new Set(['searchText', 'searchName', 'searchWords', 'searchJoined']);
const strip = (v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([k]) => !derived.has(k))) : v;

/** Records a directory write in the audit log, in the caller's transaction. */
export function record(
  { tx, territory, ctx }: Scoped,
  action: string,
  entity: string,
  entityId: string,
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  return audit(
    tx,
    ctx.actor,
    { territoryId: territory.id, action, entity, entityId, before: strip(change.before), after: strip(change.after) },
    ctx.requestId,
  );
}
