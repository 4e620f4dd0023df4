import { audit } from '../../platform/audit/audit.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import { inTerritoryScope, type TerritoryScope } from '../territories/index.ts';
import { type CallsAction, callsPolicy } from './calls.policy.ts';

export type Scoped = TerritoryScope;

/** Runs `fn` in one transaction on a territory, once the calls module's policy allows `action`. */
export function inTerritory<T>(
  database: Deps['database'],
  ctx: Ctx,
  slug: string,
  action: CallsAction,
  fn: (scope: Scoped) => Promise<T>,
): Promise<T> {
  return inTerritoryScope(database, ctx, slug, callsPolicy, action, fn);
}

/** Records a write of the calls module in the audit log, in the caller's transaction. */
export function record(
  { tx, territory, ctx }: Scoped,
  action: string,
  entity: string,
  entityId: string,
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  return audit(tx, ctx.actor, { territoryId: territory.id, action, entity, entityId, ...change }, ctx.requestId);
}
