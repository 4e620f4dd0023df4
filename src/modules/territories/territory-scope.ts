import type { Ctx, Deps } from '../../platform/context.ts';
import { type Db, enterTerritory } from '../../platform/db/client.ts';
import { authorize, type Policy } from '../../platform/policy/policy.ts';
import { requireTerritory } from './territories.service.ts';

export type ScopedTerritory = Awaited<ReturnType<typeof requireTerritory>>;
export type TerritoryScope = { tx: Db; territory: ScopedTerritory; ctx: Ctx };

/**
 * Runs `fn` in one transaction on a territory: finds it (404), checks the module's policy
 * (401/403) before any data is read, then narrows row-level security to the territory.
 * Every module's services enter a territory this way.
 */
export function inTerritoryScope<A extends string, T>(
  database: Deps['database'],
  ctx: Ctx,
  slug: string,
  policy: Policy<A, { territoryId: string }>,
  action: A,
  fn: (scope: TerritoryScope) => Promise<T>,
): Promise<T> {
  return database.transaction({ territoryId: null }, async (tx) => {
    const territory = await requireTerritory(tx, slug);
    authorize(policy, ctx.actor, action, { territoryId: territory.id });
    await enterTerritory(tx, territory.id);
    return fn({ tx, territory, ctx });
  });
}
