import { audit } from '../../platform/audit/audit.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import { type Db, enterTerritory } from '../../platform/db/client.ts';
import { authorize } from '../../platform/policy/policy.ts';
import { requireTerritory } from '../territories/index.ts';
import { type PlacesAction, placesPolicy } from './places.policy.ts';

export type Territory = Awaited<ReturnType<typeof requireTerritory>>;
export type Scoped = { tx: Db; territory: Territory; ctx: Ctx };

/**
 * Runs `fn` in one transaction on a territory's places: finds the territory (404), checks the
 * policy (401/403) before any data is read, then narrows row-level security to the territory.
 */
export function inTerritory<T>(
  database: Deps['database'],
  ctx: Ctx,
  slug: string,
  action: PlacesAction,
  fn: (scope: Scoped) => Promise<T>,
): Promise<T> {
  return database.transaction({ territoryId: null }, async (tx) => {
    const territory = await requireTerritory(tx, slug);
    authorize(placesPolicy, ctx.actor, action, { territoryId: territory.id });
    await enterTerritory(tx, territory.id);
    return fn({ tx, territory, ctx });
  });
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
