/** Places: tiers-lieux, their resources, opening hours and closures, access rules, qualifications and bookings. */
export type { TBooking, TPlace, TResource } from './places.contract.ts';
export { createPlacesServices, type PlacesServices, placesRoutes } from './places.routes.ts';
export { bookings, places, resources } from './places.tables.ts';
