import type {
  TAvailability,
  TBookerOrganizations,
  TBooking,
  TBookingListQuery,
  TCalendarFeed,
  TClosure,
  TCreateBlockingRequest,
  TCreateBookingRequest,
  TMoveBookingRequest,
  TOccupancy,
  TOccupancyPeriod,
  TPlace,
  TResource,
} from '../../../../src/modules/places/places.contract.ts';

/** The places module's shapes, taken from the server's contract. */
export type Place = TPlace;
export type Resource = TResource;
export type Closure = TClosure;
export type Availability = TAvailability;
export type Slot = TAvailability['slots'][number];
export type Booking = TBooking;
export type BookingStatus = TBooking['status'];
export type CreateBookingRequest = TCreateBookingRequest;
export type CreateBlockingRequest = TCreateBlockingRequest;
export type BookingFilters = Partial<Pick<TBookingListQuery, 'placeId' | 'resourceId' | 'status' | 'from' | 'to'>>;
export type CalendarFeed = TCalendarFeed;
export type MoveBookingRequest = TMoveBookingRequest;
export type OccupancyPeriod = TOccupancyPeriod;
export type Occupancy = TOccupancy;
/** An organisation the signed-in person may book for (one of their current affiliations). */
export type BookerOrganization = TBookerOrganizations['items'][number];
export type Commune = { inseeCode: string; name: string };

export { accessAudiences, bookingStatuses, resourceKinds } from '../../../../src/modules/places/places.values.ts';

/**
 * Rules a resource leaves unset take the server's defaults (`DEFAULT_BOOKING_RULES` in
 * booking-rules.ts); the booking form needs the durations to offer sensible end times.
 */
export const defaultDurations = { minDurationMinutes: 30, maxDurationMinutes: 480 };

const t = (slug: string) => `/api/v1/territories/${encodeURIComponent(slug)}`;
const id = encodeURIComponent;

/** A query string from the parameters that have a value. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

/** The places endpoints used by the web app. */
export const placesPaths = {
  communes: (slug: string) => `${t(slug)}/communes`,
  places: (slug: string) => `${t(slug)}/places`,
  place: (slug: string, placeId: string) => `${t(slug)}/places/${id(placeId)}`,
  placeCalendar: (slug: string, placeId: string) => `${t(slug)}/places/${id(placeId)}/calendar.ics`,
  resourceCalendar: (slug: string, resourceId: string) => `${t(slug)}/resources/${id(resourceId)}/calendar.ics`,
  availability: (slug: string, resourceId: string, date: string, days: number) =>
    `${t(slug)}/resources/${id(resourceId)}/availability${qs({ date, days })}`,
  bookings: (slug: string) => `${t(slug)}/bookings`,
  bookingList: (slug: string, filters: BookingFilters & { page?: number; pageSize?: number }) => `${t(slug)}/bookings${qs(filters)}`,
  bookerOrganizations: (slug: string) => `${t(slug)}/my/booking-organizations`,
  myBookings: (slug: string, upcoming: boolean, page = 1) =>
    `${t(slug)}/my/bookings${qs({ upcoming: String(upcoming), page: page > 1 ? page : undefined, pageSize: 50 })}`,
  cancel: (slug: string, bookingId: string) => `${t(slug)}/bookings/${id(bookingId)}/cancel`,
  decision: (slug: string, bookingId: string) => `${t(slug)}/bookings/${id(bookingId)}/decision`,
  blockings: (slug: string) => `${t(slug)}/blockings`,
  move: (slug: string, bookingId: string) => `${t(slug)}/bookings/${id(bookingId)}`,
  /** A visitor's booking by the secret of its link: read, move (PATCH), and `…/cancel`. */
  /** Cancels a series' bookings to come (its booker: those before the deadline). */
  cancelSeries: (slug: string, seriesId: string) => `${t(slug)}/booking-series/${id(seriesId)}/cancel`,
  visitorBooking: (slug: string, token: string) => `${t(slug)}/booking-links/${encodeURIComponent(token)}`,
  checkIn: (slug: string, bookingId: string) => `${t(slug)}/bookings/${id(bookingId)}/check-in`,
  checkInLink: (slug: string, bookingId: string) => `${t(slug)}/bookings/${id(bookingId)}/check-in-link`,
  occupancy: (slug: string, period: OccupancyPeriod, date: string, placeId?: string) =>
    `${t(slug)}/occupancy${qs({ period, date, placeId })}`,
  calendarFeed: () => '/api/v1/me/calendar-feed',
};

type SessionLike = { user: { platformAdmin: boolean } | null; memberships: { slug: string; roles: string[] }[] } | null;

/** Whether the person manages the territory's places: admin, staff, place manager, or platform admin. */
export function isPlaceManager(session: SessionLike, slug: string): boolean {
  if (!session?.user) return false;
  if (session.user.platformAdmin) return true;
  return session.memberships.some((m) => m.slug === slug && m.roles.some((r) => r === 'admin' || r === 'staff' || r === 'place_manager'));
}

/** A text in the interface's language, falling back to the other one. */
export function localized(locale: 'fr' | 'en', fr: string | null, en: string | null): string | null {
  return locale === 'en' ? (en ?? fr) : (fr ?? en);
}

/** An amount in cents as euros (« 1,50 € »). */
export function formatEuros(cents: number, locale: 'fr' | 'en'): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Minutes between two instants. */
export function minutesBetween(start: string, end: string): number {
  return Math.round((Date.parse(end) - Date.parse(start)) / 60_000);
}
