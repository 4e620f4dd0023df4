import { audit } from '../../platform/audit/audit.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import type { TransactionOptions } from '../../platform/db/client.ts';
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
  options?: TransactionOptions,
): Promise<T> {
  return inTerritoryScope(database, ctx, slug, directoryPolicy, action, fn, options);
}

/**
 * Whether a row's key only serves search (`searchText` of people; `searchName`, `searchWords`,
 * `searchJoined` of organisations): left out of the audit log and of what an import reads back.
 */
export const isSearchKey = (key: string): boolean => /^search[A-Z]/.test(key);
const strip = (v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([k]) => !isSearchKey(k))) : v;

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
