import type { TSessionInfo } from '../../../src/modules/identity/identity.contract.ts';
import type { TTerritory, TTerritoryDetail } from '../../../src/modules/territories/territories.contract.ts';

/** The API's shapes, taken from the server's contracts so that both sides move together. */
export type SessionInfo = TSessionInfo;
export type Membership = SessionInfo['memberships'][number];
export type Territory = TTerritory;
export type TerritoryDetail = TTerritoryDetail;
export type Theme = TerritoryDetail['themes'][number];

/** One page of a paginated list. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type Member = { id: string; userId: string; email: string; displayName: string; role: string; createdAt: string };

export type AuditEntry = {
  id: number;
  at: string;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};
