/**
 * What a booking request needs before anything is written: the booker, the resource and its place,
 * the audience and price, and the rules checked for any interval. Shared by single and recurring
 * bookings and by moves, so that every path applies the same rules.
 */
import { and, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import { newSecret, sha256 } from '../../platform/auth/secrets.ts';
import { AppError, type FieldError } from '../../platform/errors/app-error.ts';
import { dayRange, startOfDay, type TInterval } from '../../platform/time/index.ts';
import { bookingAudience, bookingPrice } from './booking-access.ts';
import { bookingOrganization } from './booking-organization.ts';
import {
  checkBooking,
  describeViolation,
  initialStatus,
  quotaWindow,
  resolveBookingRules,
  type TBookingViolation,
  withBuffer,
} from './booking-rules.ts';
import { managesPlaces } from './places.policy.ts';
import { requireResourceAndPlace } from './places.service.ts';
import { bookings, placeClosures } from './places.tables.ts';
import type { Scoped } from './scope.ts';

export type BookerInput = {
  resourceId: string;
  units?: number | undefined;
  guestName?: string | undefined;
  guestEmail?: string | undefined;
  communeInsee?: string | undefined;
  organizationId?: string | undefined;
  note?: string | undefined;
};

/** A closure's local days as instants in the territory's zone: [first day's midnight, the day after the last). */
export async function closuresOf(s: Scoped, placeId: string): Promise<TInterval[]> {
  const rows = await s.tx.select().from(placeClosures).where(eq(placeClosures.placeId, placeId));
  const zone = s.territory.timeZone;
  return rows.map((c) => ({ start: startOfDay(c.startsOn, zone), end: dayRange(c.endsOn, zone).end }));
}

/** Whether a database error is the overlap constraint or a capacity trigger refusing a row. */
export function isOverlap(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === '23P01') return true;
  }
  return false;
}

const required = (path: string, locale: 'fr' | 'en'): FieldError => ({
  path,
  code: 'required',
  message: locale === 'fr' ? 'obligatoire' : 'required',
});

/** A fresh secret for a booking's link (check-in, a visitor's own booking) and its hash: the secret goes to the booker, the hash to the database. */
export function bookingSecret(): { token: string; hash: string } {
  const token = newSecret(18);
  return { token, hash: sha256(token) };
}

/** Turns rule violations into a 422 with each message at its field. */
export function rulesError(violations: TBookingViolation[], locale: 'fr' | 'en', prefix = 'body'): AppError {
  const errors = violations.map((v) => ({
    path: `${prefix}.${v.code.includes('quota') || v.code === 'booking_too_far_ahead' ? 'start' : 'end'}`,
    code: v.code,
    message: describeViolation(v, locale),
  }));
  return new AppError('booking_rules', errors.map((e) => e.message).join(' '), { errors });
}

/**
 * Loads and checks everything about the booker and the resource, then returns `check` (the rules
 * for one interval, with minutes already held in the same day and week) and `values` (the row).
 * The booker is the actor, or `onBehalfOf`: the account (or visitor) and organisation of an existing
 * booking a manager moves, whose quotas are then the ones counted.
 */
export async function prepareBooking(
  s: Scoped,
  input: BookerInput,
  now: Date,
  onBehalfOf?: { userId: string | null; organizationId: string | null },
) {
  const { ctx } = s;
  const actorId = ctx.actor.kind === 'user' && ctx.actor.via !== 'system' ? ctx.actor.userId : null;
  const userId = onBehalfOf ? onBehalfOf.userId : actorId;
  if (!userId && (!input.guestName || !input.guestEmail)) {
    const missing = (['guestName', 'guestEmail'] as const).filter((k) => !input[k]);
    throw new AppError('validation_failed', 'visitors give a name and an e-mail', {
      errors: missing.map((k) => required(`body.${k}`, ctx.locale)),
    });
  }
  const { resource, place } = await requireResourceAndPlace(s, input.resourceId);
  if (!resource.isActive) throw new AppError('resource_not_found', 'this resource is not bookable');
  const units = input.units ?? 1;
  if (units > resource.capacity) {
    throw new AppError('validation_failed', 'more units than the resource has', {
      errors: [{ path: 'body.units', code: 'too_big', message: `≤ ${resource.capacity}` }],
    });
  }
  const audience = await bookingAudience(s, resource, input, now);
  const organizationId = onBehalfOf ? onBehalfOf.organizationId : await bookingOrganization(s, userId, input.organizationId, now);
  const closures = await closuresOf(s, place.id);
  const zone = s.territory.timeZone;
  const rules = resolveBookingRules(resource.rules);
  // With an organisation's quota, the minutes of everyone booking on its behalf count; a booking for no organisation counts as the person's.
  const quotaHolder = rules.quotaScope === 'organization' && organizationId ? 'organization' : 'person';
  const booker = {
    userId,
    email: userId ? null : (input.guestEmail ?? null),
    organizationId: quotaHolder === 'organization' ? organizationId : null,
  };
  const quotas = rules.dailyQuotaMinutes !== null || rules.weeklyQuotaMinutes !== null;
  const status = managesPlaces(ctx.actor, s.territory.id) ? 'confirmed' : initialStatus(resource.rules);

  return {
    resource,
    place,
    audience,
    status,
    /** The rules for one interval; `alsoHeld`: minutes of the same request's other intervals (a series). */
    async check(interval: TInterval, alsoHeld: TInterval[] = [], except?: string): Promise<TBookingViolation[]> {
      const held = quotas ? await heldMinutes(s, resource.id, interval.start, booker, except) : { day: 0, week: 0 };
      const extra = (kind: 'day' | 'week') => {
        const w = quotaWindow(kind, interval.start, zone);
        return alsoHeld.filter((h) => h.start >= w.start && h.start < w.end).reduce((m, h) => m + (+h.end - +h.start) / 60_000, 0);
      };
      return checkBooking(interval, resource.rules, {
        now,
        zone,
        openingHours: resource.openingHours ?? place.openingHours,
        closures,
        bookedMinutes: { day: held.day + extra('day'), week: held.week + extra('week') },
        quotaHolder,
      });
    },
    values(interval: TInterval, checkInHash: string) {
      return {
        territoryId: s.territory.id,
        resourceId: resource.id,
        placeId: place.id,
        kind: 'booking' as const,
        status,
        userId,
        guestName: userId ? null : (input.guestName ?? null),
        guestEmail: booker.email,
        communeInsee: input.communeInsee ?? null,
        organizationId,
        audience,
        startsAt: interval.start,
        endsAt: interval.end,
        blockedUntil: withBuffer(interval.start, interval.end, resource.rules.bufferMinutes ?? 0).end,
        units,
        exclusive: resource.capacity === 1,
        priceCents: bookingPrice(resource, audience, interval.start, interval.end),
        note: input.note ?? null,
        checkInTokenHash: checkInHash,
      } satisfies typeof bookings.$inferInsert;
    },
  };
}

/**
 * Minutes the same booker (or their organisation) already holds on the resource in the local day
 * and ISO week of `start`. The quota holder is locked for the rest of the transaction first, so
 * that two requests for the same holder are counted one after the other (two members of one
 * company cannot both take the organisation's last hour).
 */
async function heldMinutes(
  s: Scoped,
  resourceId: string,
  start: Date,
  booker: { userId: string | null; email: string | null; organizationId: string | null },
  except?: string,
) {
  const key = booker.organizationId ?? booker.userId ?? booker.email?.toLowerCase();
  const who = booker.organizationId
    ? eq(bookings.organizationId, booker.organizationId)
    : booker.userId
      ? eq(bookings.userId, booker.userId)
      : booker.email
        ? eq(bookings.guestEmail, booker.email)
        : undefined;
  if (!who || !key) return { day: 0, week: 0 };
  await s.tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`quota:${resourceId}:${key}`}, 0))`);
  const zone = s.territory.timeZone;
  // The local day lies within its ISO week: one query sums the week, and the day apart.
  const day = quotaWindow('day', start, zone);
  const week = quotaWindow('week', start, zone);
  const minutes = sql`extract(epoch FROM ${bookings.endsAt} - ${bookings.startsAt}) / 60`;
  const [r] = await s.tx
    .select({
      day: sql<number>`coalesce(sum(${minutes}) FILTER (WHERE ${bookings.startsAt} >= ${day.start.toISOString()}::timestamptz AND ${bookings.startsAt} < ${day.end.toISOString()}::timestamptz), 0)`,
      week: sql<number>`coalesce(sum(${minutes}), 0)`,
    })
    .from(bookings)
    .where(
      and(
        eq(bookings.resourceId, resourceId),
        who,
        inArray(bookings.status, ['pending', 'confirmed']),
        gte(bookings.startsAt, week.start),
        lt(bookings.startsAt, week.end),
        except ? ne(bookings.id, except) : undefined,
      ),
    );
  return { day: Number(r?.day ?? 0), week: Number(r?.week ?? 0) };
}
