import { z } from 'zod';
import { pageFields, pageOf, ZRequiredText, ZTerritorySlug, ZText } from '../../platform/http/contract.ts';
import { OPENING_HOURS_MAX_LENGTH } from './opening-hours.ts';
import { accessAudiences, bookingKinds, bookingStatuses, resourceKinds } from './places.values.ts';

export const ZResourceKind = z.enum(resourceKinds);
export const ZAccessAudience = z.enum(accessAudiences);
export const ZBookingStatus = z.enum(bookingStatuses);
const ZInsee = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'INSEE code: 5 characters');
const ZInstant = z.iso.datetime({ offset: true });
const ZCents = z.number().int().min(0).max(100_000_000);

export const ZPlacesParams = z.strictObject({ slug: ZTerritorySlug });
export const ZPlaceParams = z.strictObject({ slug: ZTerritorySlug, placeId: z.uuid() });
export const ZResourceParams = z.strictObject({ slug: ZTerritorySlug, resourceId: z.uuid() });
export const ZBookingParams = z.strictObject({ slug: ZTerritorySlug, bookingId: z.uuid() });
/** A visitor's booking link: the territory and the link's secret (24 URL-safe characters). */
export const ZBookingLinkParams = z.strictObject({ slug: ZTerritorySlug, token: z.string().regex(/^[A-Za-z0-9_-]{20,40}$/) });
export const ZClosureParams = z.strictObject({ slug: ZTerritorySlug, closureId: z.uuid() });

const placeFields = {
  name: ZRequiredText(200),
  street: ZText(200).nullable().optional(),
  postalCode: z
    .string()
    .regex(/^\d{5}$/)
    .nullable()
    .optional(),
  city: ZText(100).nullable().optional(),
  communeInsee: ZInsee.nullable().optional(),
  descriptionFr: ZText(5000).nullable().optional(),
  descriptionEn: ZText(5000).nullable().optional(),
  accessibilityFr: ZText(2000).nullable().optional(),
  accessibilityEn: ZText(2000).nullable().optional(),
  photoUrls: z
    .array(z.url({ protocol: /^https?$/ }).max(500))
    .max(12)
    .optional(),
  contactEmail: z.email().max(254).nullable().optional(),
  contactPhone: z
    .string()
    .regex(/^\+?[0-9 .-]{6,20}$/)
    .nullable()
    .optional(),
  /** OpenStreetMap `opening_hours`, e.g. "Mo-Fr 09:00-18:00; PH off". */
  openingHours: ZRequiredText(OPENING_HOURS_MAX_LENGTH).optional(),
  isPublic: z.boolean().optional(),
};
export const ZCreatePlaceRequest = z.strictObject(placeFields);
export type TCreatePlaceRequest = z.infer<typeof ZCreatePlaceRequest>;
export const ZUpdatePlaceRequest = z.strictObject({ ...placeFields, name: placeFields.name.optional() });
export type TUpdatePlaceRequest = z.infer<typeof ZUpdatePlaceRequest>;

export const ZBookingRules = z.strictObject({
  minDurationMinutes: z.number().int().min(5).max(10_080).optional(),
  maxDurationMinutes: z.number().int().min(5).max(10_080).optional(),
  granularityMinutes: z.number().int().min(5).max(1440).optional(),
  maxAdvanceDays: z.number().int().min(0).max(730).optional(),
  leadTimeMinutes: z.number().int().min(0).max(43_200).optional(),
  cancellationDeadlineMinutes: z.number().int().min(0).max(43_200).optional(),
  bufferMinutes: z.number().int().min(0).max(1440).optional(),
  dailyQuotaMinutes: z.number().int().min(5).max(1440).nullable().optional(),
  weeklyQuotaMinutes: z.number().int().min(5).max(10_080).nullable().optional(),
  quotaScope: z.enum(['person', 'organization']).optional(),
  requiresApproval: z.boolean().optional(),
  /** Minutes after the start a booking waits to be checked in before it is released as a no-show; null: never. */
  checkInGraceMinutes: z.number().int().min(5).max(1440).nullable().optional(),
});
export const ZPrices = z.strictObject(
  Object.fromEntries(accessAudiences.map((a) => [a, ZCents.optional()])) as Record<
    (typeof accessAudiences)[number],
    z.ZodOptional<typeof ZCents>
  >,
);

const resourceFields = {
  kind: ZResourceKind,
  name: ZRequiredText(200),
  descriptionFr: ZText(5000).nullable().optional(),
  descriptionEn: ZText(5000).nullable().optional(),
  capacity: z.number().int().min(1).max(10_000).optional(),
  /** How many people a room or office holds. */
  seats: z.number().int().min(1).max(10_000).nullable().optional(),
  equipment: z.array(ZRequiredText(100)).max(50).optional(),
  access: z.array(ZAccessAudience).min(1).max(accessAudiences.length).optional(),
  requiredQualificationId: z.uuid().nullable().optional(),
  openingHours: ZRequiredText(OPENING_HOURS_MAX_LENGTH).nullable().optional(),
  rules: ZBookingRules.optional(),
  /** Hourly prices in cents per audience; an audience left out books free. */
  prices: ZPrices.optional(),
  isActive: z.boolean().optional(),
};
export const ZCreateResourceRequest = z.strictObject(resourceFields);
export type TCreateResourceRequest = z.infer<typeof ZCreateResourceRequest>;
export const ZUpdateResourceRequest = z.strictObject({
  ...resourceFields,
  kind: resourceFields.kind.optional(),
  name: resourceFields.name.optional(),
});
export type TUpdateResourceRequest = z.infer<typeof ZUpdateResourceRequest>;

export const ZResource = z
  .object({
    id: z.uuid(),
    placeId: z.uuid(),
    kind: ZResourceKind,
    name: z.string(),
    descriptionFr: z.string().nullable(),
    descriptionEn: z.string().nullable(),
    capacity: z.number().int(),
    seats: z.number().int().nullable(),
    equipment: z.array(z.string()),
    access: z.array(ZAccessAudience),
    requiredQualification: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    openingHours: z.string().nullable(),
    rules: ZBookingRules,
    prices: ZPrices,
    isActive: z.boolean(),
  })
  .meta({ id: 'Resource' });
export type TResource = z.infer<typeof ZResource>;

export const ZClosure = z.object({ id: z.uuid(), placeId: z.uuid(), startsOn: z.iso.date(), endsOn: z.iso.date(), reason: z.string() });
export type TClosure = z.infer<typeof ZClosure>;
export const ZCreateClosureRequest = z
  .strictObject({ startsOn: z.iso.date(), endsOn: z.iso.date(), reason: ZRequiredText(300) })
  .refine((c) => c.endsOn >= c.startsOn, { path: ['endsOn'], message: 'the closure ends before it starts' });

export const ZPlace = z
  .object({
    id: z.uuid(),
    name: z.string(),
    street: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    communeInsee: z.string().nullable(),
    descriptionFr: z.string().nullable(),
    descriptionEn: z.string().nullable(),
    accessibilityFr: z.string().nullable(),
    accessibilityEn: z.string().nullable(),
    photoUrls: z.array(z.string()),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    openingHours: z.string(),
    isPublic: z.boolean(),
    timeZone: z.string(),
    resources: z.array(ZResource),
    closures: z.array(ZClosure),
  })
  .meta({ id: 'Place' });
export type TPlace = z.infer<typeof ZPlace>;
export const ZPlaceList = z.object({ items: z.array(ZPlace) });

export const ZAvailabilityQuery = z.strictObject({
  /** The first local day, in the territory's time zone. Default: today there. */
  date: z.iso.date().optional(),
  days: z.coerce.number().int().min(1).max(7).default(1),
});
export const ZSlot = z.object({
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  /** `unavailable`: open and not taken, but it cannot be booked now (see `reason`). */
  state: z.enum(['free', 'booked', 'closed', 'unavailable']),
  /** Why an `unavailable` slot cannot be booked: it has begun, it is inside the lead time, or beyond the booking horizon. */
  reason: z.enum(['past', 'lead_time', 'horizon']).optional(),
  /** Units still free during the whole slot (0 when it cannot be booked). */
  free: z.number().int(),
});
export const ZAvailability = z
  .object({
    resourceId: z.uuid(),
    timeZone: z.string(),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    capacity: z.number().int(),
    granularityMinutes: z.number().int(),
    open: z.array(z.object({ start: z.iso.datetime(), end: z.iso.datetime() })),
    slots: z.array(ZSlot),
  })
  .meta({ id: 'Availability' });
export type TAvailability = z.infer<typeof ZAvailability>;

export const ZCreateBookingRequest = z.strictObject({
  resourceId: z.uuid(),
  start: ZInstant,
  end: ZInstant,
  units: z.number().int().min(1).max(10_000).optional(),
  /** Visitors without an account give a name and an e-mail. */
  guestName: ZRequiredText(200).optional(),
  guestEmail: z.email().max(254).optional(),
  /** The commune the booker lives in, for residents' access and prices. */
  communeInsee: ZInsee.optional(),
  /**
   * The organisation booked for, among the booker's affiliations (`GET …/my/booking-organizations`);
   * its quota applies when the resource's `quotaScope` is `organization`.
   */
  organizationId: z.uuid().optional(),
  note: ZText(1000).optional(),
});
export type TCreateBookingRequest = z.infer<typeof ZCreateBookingRequest>;

export const ZCreateBlockingRequest = z.strictObject({ resourceId: z.uuid(), start: ZInstant, end: ZInstant, reason: ZRequiredText(300) });
export type TCreateBlockingRequest = z.infer<typeof ZCreateBlockingRequest>;
export const ZMoveBookingRequest = z.strictObject({ start: ZInstant, end: ZInstant });
export type TMoveBookingRequest = z.infer<typeof ZMoveBookingRequest>;
export const ZCheckInToken = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,40}$/) });
export const ZCancelBookingRequest = z.strictObject({ reason: ZText(1000).optional() });
export const ZDecisionRequest = z.strictObject({ decision: z.enum(['approve', 'reject']), reason: ZText(1000).optional() });

export const ZBooking = z
  .object({
    id: z.uuid(),
    kind: z.enum(bookingKinds),
    status: ZBookingStatus,
    resource: z.object({ id: z.uuid(), name: z.string(), kind: ZResourceKind }),
    place: z.object({ id: z.uuid(), name: z.string() }),
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    units: z.number().int(),
    audience: ZAccessAudience,
    priceCents: z.number().int(),
    /** The booker as the manager sees them: an account's name, or the visitor's. */
    booker: z.object({ name: z.string(), email: z.string().nullable() }).nullable(),
    /** The organisation booked on behalf of, if any (one of the booker's affiliations when it was made). */
    organization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    note: z.string().nullable(),
    cancelReason: z.string().nullable(),
    /** Whether the booker may still cancel or move it themselves (before the deadline). */
    cancellable: z.boolean(),
    /** Until when the booker may cancel or move it themselves (the resource's cancellation deadline); null once it no longer holds a slot. */
    changeableUntil: z.iso.datetime().nullable(),
    checkedInAt: z.iso.datetime().nullable(),
    seriesId: z.uuid().nullable(),
    /** Only in the answer that creates it: the booker's check-in link (its secret is not kept). */
    checkInUrl: z.string().optional(),
    /** Only in the answer that creates a visitor's booking: the link to see, move or cancel it (its secret is not kept). */
    manageUrl: z.string().optional(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Booking' });
export type TBooking = z.infer<typeof ZBooking>;
export const ZBookingPage = pageOf(ZBooking);
export const ZBookingListQuery = z.strictObject({
  ...pageFields,
  /** Up to 500, so that a planner's week of a busy place fits in one page. */
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  placeId: z.uuid().optional(),
  resourceId: z.uuid().optional(),
  status: ZBookingStatus.optional(),
  from: ZInstant.optional(),
  to: ZInstant.optional(),
});
export type TBookingListQuery = z.infer<typeof ZBookingListQuery>;
export const ZMyBookingsQuery = z.strictObject({ ...pageFields, upcoming: z.enum(['true', 'false']).default('true') });

export const ZOccupancyPeriod = z.enum(['week', 'month']);
export type TOccupancyPeriod = z.infer<typeof ZOccupancyPeriod>;
export const ZOccupancyQuery = z.strictObject({
  period: ZOccupancyPeriod.default('week'),
  /** A day of the local week or month; default: today in the territory's zone. */
  date: z.iso.date().optional(),
  placeId: z.uuid().optional(),
});
/** Booked hours over open hours per resource for a local week or month (`GET …/occupancy`). */
export const ZOccupancy = z
  .object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    period: ZOccupancyPeriod,
    items: z.array(
      z.object({
        resourceId: z.uuid(),
        resource: z.string(),
        placeId: z.uuid(),
        place: z.string(),
        openHours: z.number(),
        bookedHours: z.number(),
        /** bookedHours / openHours, from 0 to 1. */
        rate: z.number(),
        bookings: z.number().int(),
        noShows: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Occupancy' });
export type TOccupancy = z.infer<typeof ZOccupancy>;

/** The organisations a signed-in person may book for. */
export const ZBookerOrganizations = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) });
export type TBookerOrganizations = z.infer<typeof ZBookerOrganizations>;

export const ZFeedToken = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
export const ZCalendarFeed = z.object({ url: z.string() });
export type TCalendarFeed = z.infer<typeof ZCalendarFeed>;
