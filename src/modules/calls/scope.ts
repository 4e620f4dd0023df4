import { recordIn, type TerritoryScope, territoryRunner } from '../territories/index.ts';
import { callsPolicy } from './calls.policy.ts';

export type Scoped = TerritoryScope;

/** Runs `fn` in one transaction on a territory, once the calls module's policy allows `action`. */
export const inTerritory = territoryRunner(callsPolicy);

/** Records a write of the calls module in the audit log, in the caller's transaction. */
export const record = recordIn;
