import { type Actor, hasRole } from '../../platform/policy/actor.ts';
import type { Policy } from '../../platform/policy/policy.ts';

export type DirectoryAction =
  | 'directory.read_public'
  | 'directory.read'
  | 'directory.write'
  | 'directory.import'
  | 'directory.export'
  | 'person.export'
  | 'person.erase';
export type DirectoryResource = { territoryId: string };

/**
 * The public directory is open to anyone; the full records (non-public organisations and fields,
 * people) are for the territory's admins and staff; erasing a person is for admins only.
 */
export const directoryPolicy: Policy<DirectoryAction, DirectoryResource> = (actor: Actor, action, resource) => {
  switch (action) {
    case 'directory.read_public':
      return true;
    case 'directory.read':
    case 'directory.write':
    case 'directory.import':
    case 'directory.export':
    case 'person.export':
      return hasRole(actor, resource.territoryId, 'admin', 'staff');
    case 'person.erase':
      return hasRole(actor, resource.territoryId, 'admin');
    default:
      return false;
  }
};
