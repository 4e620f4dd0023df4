import { type Actor, hasRole } from '../../platform/policy/actor.ts';
import type { Policy } from '../../platform/policy/policy.ts';

export type IdentityAction = 'member.list' | 'member.grant' | 'member.revoke' | 'audit.read' | 'token.manage' | 'user.create';
export type IdentityResource = { territoryId: string | null; userId?: string };

/** Territory admins manage roles and read the audit log; people manage their own tokens. */
export const identityPolicy: Policy<IdentityAction, IdentityResource> = (actor: Actor, action, resource) => {
  if (actor.kind !== 'user') return false;
  switch (action) {
    case 'member.list':
    case 'member.grant':
    case 'member.revoke':
    case 'audit.read':
      return resource.territoryId !== null && hasRole(actor, resource.territoryId, 'admin');
    case 'token.manage':
      return resource.userId === actor.userId || actor.platformAdmin;
    case 'user.create':
      return actor.platformAdmin || (resource.territoryId !== null && hasRole(actor, resource.territoryId, 'admin'));
    default:
      return false;
  }
};
