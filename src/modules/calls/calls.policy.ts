import { type Actor, hasRole } from '../../platform/policy/actor.ts';
import type { Policy } from '../../platform/policy/policy.ts';

export type CallsAction = 'calls.read_public' | 'calls.manage' | 'calls.apply' | 'calls.review';
export type CallsResource = { territoryId: string };

/**
 * Published calls are public; any signed-in person may apply for an organisation they belong to
 * (the service checks the affiliation); the territory's reviewers review what they are assigned;
 * admins and staff manage calls, stages, panels, assignments and decisions.
 */
export const callsPolicy: Policy<CallsAction, CallsResource> = (actor: Actor, action, resource) => {
  switch (action) {
    case 'calls.read_public':
      return true;
    case 'calls.apply':
      return actor.kind === 'user';
    case 'calls.review':
      return hasRole(actor, resource.territoryId, 'reviewer');
    case 'calls.manage':
      return hasRole(actor, resource.territoryId, 'admin', 'staff');
    default:
      return false;
  }
};

/** Whether the actor manages the territory's calls (and so sees drafts, applications and reviews). */
export const managesCalls = (actor: Actor, territoryId: string) => hasRole(actor, territoryId, 'admin', 'staff');
