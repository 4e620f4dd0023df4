import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, inList, updatedAt } from '../../platform/db/columns.ts';
import { users } from '../identity/index.ts';
import { territories } from '../territories/index.ts';
import type { TBookingRules } from './booking-rules.ts';
import { accessAudiences, bookingKinds, bookingStatuses, resourceKinds } from './places.values.ts';

const territoryId = () =>
  uuid('territory_id')
    .notNull()
    .references(() => territories.id, { onDelete: 'cascade' });

/** Hourly prices in integer cents per audience; an audience left out books free. */
export type TPrices = Partial<Record<(typeof accessAudiences)[number], number>>;

/** A tiers-lieu, FabLab or coworking space of the territory. Tenant-owned. */
export const places = pgTable(
  'places',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    name: text('name').notNull(),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    communeInsee: text('commune_insee'),
    descriptionFr: text('description_fr'),
    descriptionEn: text('description_en'),
    accessibilityFr: text('accessibility_fr'),
    accessibilityEn: text('accessibility_en'),
    photoUrls: text('photo_urls').array().notNull().default(sql`'{}'::text[]`),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    /** OpenStreetMap `opening_hours` syntax, evaluated in the territory's time zone. */
    openingHours: text('opening_hours').notNull().default('Mo-Fr 09:00-18:00; PH off'),
    isPublic: boolean('is_public').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('places_territory_name_idx').on(t.territoryId, t.name)],
);

/** A closure of a place: whole local days, both ends included (holidays, works, summer break). */
export const placeClosures = pgTable(
  'place_closures',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('place_closures_place_idx').on(t.placeId, t.startsOn),
    check('place_closures_range_check', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** A qualification (habilitation) a machine may require, earned at a training. */
export const qualifications = pgTable('qualifications', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  territoryId: territoryId(),
  name: text('name').notNull(),
  /** Months a qualification stays valid after it is granted; null: it does not expire. */
  validityMonths: integer('validity_months'),
  createdAt: createdAt(),
});

/** A qualification held by an account, until it expires or is revoked. */
export const userQualifications = pgTable(
  'user_qualifications',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    qualificationId: uuid('qualification_id')
      .notNull()
      .references(() => qualifications.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    /** The training session it was earned at, when it was. */
    sessionId: uuid('session_id'),
  },
  (t) => [index('user_qualifications_user_idx').on(t.userId, t.qualificationId)],
);

/** Something bookable in a place: a desk, a room, an office or a machine, with a capacity in units. */
export const resources = pgTable(
  'resources',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    descriptionFr: text('description_fr'),
    descriptionEn: text('description_en'),
    capacity: integer('capacity').notNull().default(1),
    /** How many people a room or office holds (for "a room for 8"); null for desks and machines. */
    seats: integer('seats'),
    equipment: text('equipment').array().notNull().default(sql`'{}'::text[]`),
    /** Who may book it (any one of these audiences). */
    access: text('access').array().notNull().default(sql`'{public}'::text[]`),
    requiredQualificationId: uuid('required_qualification_id').references(() => qualifications.id, { onDelete: 'set null' }),
    /** Overrides the place's opening hours when set. */
    openingHours: text('opening_hours'),
    rules: jsonb('rules').$type<TBookingRules>().notNull().default(sql`'{}'::jsonb`),
    prices: jsonb('prices').$type<TPrices>().notNull().default(sql`'{}'::jsonb`),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('resources_place_idx').on(t.placeId, t.name),
    check('resources_kind_check', sql`${t.kind} IN (${inList(resourceKinds)})`),
    check('resources_capacity_check', sql`${t.capacity} BETWEEN 1 AND 10000`),
    check('resources_seats_check', sql`${t.seats} BETWEEN 1 AND 10000`),
    check('resources_access_check', sql`${t.access} <@ ARRAY[${inList(accessAudiences)}]::text[] AND cardinality(${t.access}) > 0`),
  ],
);

/** A recurring booking request: its rule, kept to show and to extend; its occurrences are bookings. */
export const bookingSeries = pgTable('booking_series', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  territoryId: territoryId(),
  resourceId: uuid('resource_id')
    .notNull()
    .references(() => resources.id, { onDelete: 'cascade' }),
  /** The RRULE in canonical form, and the first occurrence's local start (YYYY-MM-DDTHH:MM). */
  rrule: text('rrule').notNull(),
  localStart: text('local_start').notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

/**
 * A booking (or a manager's blocking) of units of a resource over [starts_at, ends_at). The slot
 * is held, with the resource's buffer, until `blocked_until`. Pending and confirmed bookings hold
 * their slot: an exclusion constraint (single-unit resources, `exclusive`) and a capacity trigger
 * (multi-unit ones) in the database make overlaps impossible whatever the application does.
 */
export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().default('booking'),
    status: text('status').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    guestName: text('guest_name'),
    guestEmail: text('guest_email'),
    /** The commune the booker declared living in (for resident access and prices). */
    communeInsee: text('commune_insee'),
    /**
     * The organisation the person books on behalf of (one of their affiliations); its quota applies
     * when the rules say so. Its foreign key to `organizations` is declared in the migration's SQL:
     * importing the directory's tables here would load that module while the schema is loading.
     */
    organizationId: uuid('organization_id'),
    audience: text('audience').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull(),
    units: integer('units').notNull().default(1),
    exclusive: boolean('exclusive').notNull(),
    /** The price when it was booked, in integer cents. */
    priceCents: integer('price_cents').notNull().default(0),
    note: text('note'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    /** The recurring series the booking is an occurrence of; each occurrence is cancelled alone. */
    seriesId: uuid('series_id').references(() => bookingSeries.id, { onDelete: 'set null' }),
    /** SHA-256 of the secret in the booking's check-in QR code. */
    checkInTokenHash: text('check_in_token_hash'),
    /**
     * SHA-256 of the secret in a visitor's booking link (bookings made with a name and e-mail, no
     * account): whoever holds the link may see, move and cancel that booking within its rules.
     */
    guestTokenHash: text('guest_token_hash'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    /** Raised on every change, for the calendars of those who received it (iCalendar SEQUENCE). */
    sequence: integer('sequence').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('bookings_resource_time_idx').on(t.resourceId, t.startsAt),
    index('bookings_user_idx').on(t.userId, t.startsAt),
    index('bookings_place_time_idx').on(t.placeId, t.startsAt),
    index('bookings_series_idx').on(t.seriesId),
    // The capacity trigger reads a resource's holding bookings that end after the new one starts:
    // a range on `blocked_until` skips the resource's past instead of scanning it from its start.
    index('bookings_holding_until_idx').on(t.resourceId, t.blockedUntil).where(sql`${t.status} IN ('pending', 'confirmed')`),
    index('bookings_organization_idx').on(t.organizationId, t.startsAt).where(sql`${t.organizationId} IS NOT NULL`),
    uniqueIndex('bookings_check_in_token_key').on(t.checkInTokenHash),
    uniqueIndex('bookings_guest_token_key').on(t.guestTokenHash),
    check('bookings_kind_check', sql`${t.kind} IN (${inList(bookingKinds)})`),
    check('bookings_status_check', sql`${t.status} IN (${inList(bookingStatuses)})`),
    check('bookings_audience_check', sql`${t.audience} IN (${inList(accessAudiences)})`),
    check('bookings_range_check', sql`${t.endsAt} > ${t.startsAt} AND ${t.blockedUntil} >= ${t.endsAt}`),
    check('bookings_units_check', sql`${t.units} >= 1`),
    check('bookings_price_check', sql`${t.priceCents} >= 0`),
    check('bookings_booker_check', sql`${t.kind} = 'blocking' OR ${t.userId} IS NOT NULL OR ${t.guestEmail} IS NOT NULL`),
  ],
);

/** A secret per account for its private iCalendar feed (only its hash is kept). */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
});

/** A training session: seats to earn a qualification (machines may require one). */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    qualificationId: uuid('qualification_id')
      .notNull()
      .references(() => qualifications.id, { onDelete: 'cascade' }),
    placeId: uuid('place_id').references(() => places.id, { onDelete: 'set null' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    seats: integer('seats').notNull(),
    trainer: text('trainer'),
    createdAt: createdAt(),
  },
  (t) => [
    index('training_sessions_time_idx').on(t.territoryId, t.startsAt),
    check('training_sessions_range_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('training_sessions_seats_check', sql`${t.seats} BETWEEN 1 AND 1000`),
  ],
);

/** A seat taken at a training session; attending grants the session's qualification. */
export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('enrolled'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('training_enrolments_session_user_key').on(t.sessionId, t.userId),
    check('training_enrolments_status_check', sql`${t.status} IN ('enrolled', 'attended', 'absent', 'cancelled')`),
  ],
);
