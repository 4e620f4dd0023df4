import { type AuditEntry, auditMany } from '../../platform/audit/audit.ts';
import { recordIn, type ScopedTerritory, type TerritoryScope, territoryRunner } from '../territories/index.ts';
import { placesPolicy } from './places.policy.ts';

export type Territory = ScopedTerritory;
export type Scoped = TerritoryScope;

/** Runs `fn` in one transaction on a territory, once the places module's policy allows `action`. */
export const inTerritory = territoryRunner(placesPolicy);

/** Records a write of the places module in the audit log, in the caller's transaction. */
export const record = recordIn;

/** Records many writes of the places module in one statement (a series and its occurrences), in the caller's transaction. */
export function recordMany({ tx, territory, ctx }: Scoped, entries: Omit<AuditEntry, 'territoryId'>[]): Promise<void> {
  return auditMany(
    tx,
    ctx.actor,
    entries.map((e) => ({ territoryId: territory.id, ...e })),
    ctx.requestId,
  );
}
