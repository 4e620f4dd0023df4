import { type Actor, hasRole } from '../../platform/policy/actor.ts';
import type { Policy } from '../../platform/policy/policy.ts';

export type DirectoryAction =
  | 'directory.read_public'
  | 'directory.read'
  | 'directory.write'
  | 'directory.import'
  | 'directory.export'
  | 'person.export'
  | 'person.erase'
  | 'interaction.edit';
/** `authorId`: the author of the CRM entry an `interaction.edit` is about. */
export type DirectoryResource = { territoryId: string; authorId?: string | null };

/**
 * The public directory is open to anyone; the full records (non-public organisations and fields,
 * people, the CRM) are for the territory's admins and staff; erasing a person is for admins only;
 * a CRM entry is edited by its author or an admin.
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
    case 'interaction.edit':
      // Its author (still on the staff) or an admin edits or deletes a CRM entry.
      return (
        hasRole(actor, resource.territoryId, 'admin') ||
        (actor.kind === 'user' && actor.userId === resource.authorId && hasRole(actor, resource.territoryId, 'staff'))
      );
    default:
      return false;
  }
};
