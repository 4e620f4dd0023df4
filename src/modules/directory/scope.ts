import { audit } from '../../platform/audit/audit.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import { type Db, enterTerritory } from '../../platform/db/client.ts';
import { authorize } from '../../platform/policy/policy.ts';
import { requireTerritory } from '../territories/index.ts';
import { type DirectoryAction, directoryPolicy } from './directory.policy.ts';

export type Territory = Awaited<ReturnType<typeof requireTerritory>>;
export type Scoped = { tx: Db; territory: Territory; ctx: Ctx };

/**
 * Runs `fn` in one transaction on a territory's directory: finds the territory (404), checks the
 * policy (401/403) before any data is read, then narrows row-level security to the territory.
 */
export function inTerritory<T>(
  database: Deps['database'],
  ctx: Ctx,
  slug: string,
  action: DirectoryAction,
  fn: (scope: Scoped) => Promise<T>,
): Promise<T> {
  return database.transaction({ territoryId: null }, async (tx) => {
    const territory = await requireTerritory(tx, slug);
    authorize(directoryPolicy, ctx.actor, action, { territoryId: territory.id });
    await enterTerritory(tx, territory.id);
    return fn({ tx, territory, ctx });
  });
}

/** Keys that only serve search: left out of the audit log. */
const derived = new Set(['searchText', 'publicSearchText', 'searchName', 'searchWords', 'publicSearchWords']);
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
