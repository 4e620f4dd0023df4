import { audit } from '../../platform/audit/audit.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import { type Db, enterTerritory, type TransactionOptions } from '../../platform/db/client.ts';
import { authorize, type Policy } from '../../platform/policy/policy.ts';
import { requireTerritory } from './territories.service.ts';

export type ScopedTerritory = Awaited<ReturnType<typeof requireTerritory>>;
export type TerritoryScope = { tx: Db; territory: ScopedTerritory; ctx: Ctx };

/**
 * Runs `fn` in one transaction on a territory: finds it (404), checks the module's policy
 * (401/403) before any data is read, then narrows row-level security to the territory.
 * Every module's services enter a territory this way; `options` may ask for one snapshot throughout.
 */
export function inTerritoryScope<A extends string, T>(
  database: Deps['database'],
  ctx: Ctx,
  slug: string,
  policy: Policy<A, { territoryId: string }>,
  action: A,
  fn: (scope: TerritoryScope) => Promise<T>,
  options?: TransactionOptions,
): Promise<T> {
  return database.transaction(
    { territoryId: null },
    async (tx) => {
      const territory = await requireTerritory(tx, slug);
      authorize(policy, ctx.actor, action, { territoryId: territory.id });
      await enterTerritory(tx, territory.id);
      return fn({ tx, territory, ctx });
    },
    options,
  );
}

/** A module's way into a territory: `inTerritoryScope` bound to the module's policy. */
export function territoryRunner<A extends string>(policy: Policy<A, { territoryId: string }>) {
  return <T>(database: Deps['database'], ctx: Ctx, slug: string, action: A, fn: (scope: TerritoryScope) => Promise<T>): Promise<T> =>
    inTerritoryScope(database, ctx, slug, policy, action, fn);
}

/** Records a write in the audit log, in the scope's transaction and territory. */
export function recordIn(
  { tx, territory, ctx }: TerritoryScope,
  action: string,
  entity: string,
  entityId: string,
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  return audit(tx, ctx.actor, { territoryId: territory.id, action, entity, entityId, ...change }, ctx.requestId);
}
