import { type Actor, hasRole } from '../../platform/policy/actor.ts';
import type { Policy } from '../../platform/policy/policy.ts';

export type TerritoryAction = 'territory.read' | 'territory.create' | 'territory.update' | 'theme.manage';
export type TerritoryResource = { territoryId: string | null };

/** Territories are public to read; platform admins create them; territory admins edit them; staff manage themes. */
export const territoriesPolicy: Policy<TerritoryAction, TerritoryResource> = (actor: Actor, action, resource) => {
  switch (action) {
    case 'territory.read':
      return true;
    case 'territory.create':
      return actor.kind === 'user' && actor.platformAdmin;
    case 'territory.update':
      return resource.territoryId !== null && hasRole(actor, resource.territoryId, 'admin');
    case 'theme.manage':
      return resource.territoryId !== null && hasRole(actor, resource.territoryId, 'admin', 'staff');
    default:
      return false;
  }
};
