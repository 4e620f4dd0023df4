import { type Actor, hasRole } from '../../platform/policy/actor.ts';
import { authorize, type Policy } from '../../platform/policy/policy.ts';

export type PlacesAction = 'places.read_public' | 'places.book' | 'places.read_own' | 'places.manage' | 'booking.cancel';
/** `bookerId`: the account a booking belongs to, for `booking.cancel`. */
export type PlacesResource = { territoryId: string; bookerId?: string | null };

/**
 * Places and availability are public, and anyone may ask to book (the resource's access rules
 * then decide); a person reads and cancels their own bookings; admins, staff and place managers
 * manage places, resources, closures and every booking.
 */
export const placesPolicy: Policy<PlacesAction, PlacesResource> = (actor: Actor, action, resource) => {
  switch (action) {
    case 'places.read_public':
    case 'places.book':
      return true;
    case 'places.read_own':
      return actor.kind === 'user';
    case 'places.manage':
      return hasRole(actor, resource.territoryId, 'admin', 'staff', 'place_manager');
    case 'booking.cancel':
      return (
        hasRole(actor, resource.territoryId, 'admin', 'staff', 'place_manager') ||
        (actor.kind === 'user' && !!resource.bookerId && actor.userId === resource.bookerId)
      );
    default:
      return false;
  }
};

/** Whether the actor manages the territory's places (and so sees bookers and may override rules). */
export const managesPlaces = (actor: Actor, territoryId: string) => hasRole(actor, territoryId, 'admin', 'staff', 'place_manager');

/** Throws unless the actor is the booker (`bookerId`) or manages the territory's places. */
export const authorizeBooker = (actor: Actor, territoryId: string, bookerId: string | null) =>
  authorize(placesPolicy, actor, 'booking.cancel', { territoryId, bookerId });
