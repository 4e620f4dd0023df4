/** What is free, booked or closed, and the public and private iCalendar feeds of bookings. */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gte, inArray } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { buildCalendar } from '../../platform/ical/index.ts';
import { addDays, addMinutes, dayRange, startOfDay, type TInterval, todayIn } from '../../platform/time/index.ts';
import { territories } from '../territories/index.ts';
import { heldIntervals, holdingOverlaps } from './booking-dto.ts';
import { bookingUid } from './booking-mail.ts';
import { closuresOf } from './booking-request.ts';
import { peakUnits, resolveBookingRules, type TBookingRules } from './booking-rules.ts';
import { openIntervals } from './opening-hours.ts';
import type { TAvailability } from './places.contract.ts';
import { requirePlace, requireResource } from './places.service.ts';
import { bookings, calendarFeeds, places, resources } from './places.tables.ts';
import { inTerritory } from './scope.ts';

type TUnavailableReason = NonNullable<TAvailability['slots'][number]['reason']>;

/**
 * Why a slot starting at a given instant cannot be booked now, by the same rules as a booking
 * request (`checkBooking`): begun, inside the lead time, or on a local day beyond the horizon; null
 * when it can. The bounds are computed once for all the slots of a page: the horizon ends where the
 * first local day past it begins.
 */
export function unbookableReasons(rules: TBookingRules, now: Date, zone: string): (start: Date) => TUnavailableReason | null {
  const r = resolveBookingRules(rules);
  const leadEnds = now.getTime() + r.leadTimeMinutes * 60_000;
  const beyond = startOfDay(addDays(todayIn(zone, now), r.maxAdvanceDays + 1), zone).getTime();
  return (start) => {
    if (start < now) return 'past';
    if (start.getTime() < leadEnds) return 'lead_time';
    if (start.getTime() >= beyond) return 'horizon';
    return null;
  };
}

/**
 * Slots of `step` minutes over the open intervals, each with the units still free; closed gaps
 * between them. A slot with units free that cannot be booked now is `unavailable`, with its reason.
 * Slots go forward in time, so the bookings are swept once: each slot counts only those that
 * overlap it (a week of a 20-desk area holds well over a thousand bookings, a day's slot a few).
 */
export function slotsOf(
  open: TInterval[],
  range: TInterval,
  step: number,
  capacity: number,
  held: (TInterval & { units: number })[],
  reasonAt: (start: Date) => TUnavailableReason | null,
) {
  const slots: TAvailability['slots'] = [];
  const closed = (start: Date, end: Date) => {
    if (end > start) slots.push({ start: start.toISOString(), end: end.toISOString(), state: 'closed', free: 0 });
  };
  const byStart = [...held].sort((x, y) => x.start.getTime() - y.start.getTime());
  let next = 0;
  let active: typeof held = [];
  let cursor = range.start;
  for (const o of open) {
    closed(cursor, o.start);
    for (let a = o.start; a < o.end; ) {
      const b = new Date(Math.min(addMinutes(a, step).getTime(), o.end.getTime()));
      while (next < byStart.length && (byStart[next] as (typeof held)[number]).start < b)
        active.push(byStart[next++] as (typeof held)[number]);
      active = active.filter((h) => h.end > a);
      const free = Math.max(0, capacity - peakUnits(active, { start: a, end: b }));
      const reason = free > 0 ? reasonAt(a) : null;
      const [start, end] = [a.toISOString(), b.toISOString()];
      if (reason) slots.push({ start, end, state: 'unavailable', reason, free: 0 });
      else slots.push({ start, end, state: free > 0 ? 'free' : 'booked', free });
      a = b;
    }
    cursor = o.end;
  }
  closed(cursor, range.end);
  return slots;
}

const feedHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Availability of resources and calendar feeds. */
export function createAvailabilityService({ database, clock, config }: Pick<Deps, 'database' | 'clock' | 'config'>) {
  const host = new URL(config.publicUrl).hostname;
  const publicEvents = (rows: (typeof bookings.$inferSelect)[], names: Map<string, string>, locale: Ctx['locale']) =>
    rows.map((b) => ({
      uid: bookingUid(b.id, host),
      start: b.startsAt,
      end: b.endsAt,
      // The public sees that a slot is taken, never by whom.
      summary: `${names.get(b.resourceId) ?? ''} — ${b.kind === 'blocking' ? (locale === 'fr' ? 'Indisponible' : 'Unavailable') : locale === 'fr' ? 'Réservé' : 'Booked'}`,
      status: (b.status === 'pending' ? 'TENTATIVE' : 'CONFIRMED') as 'TENTATIVE' | 'CONFIRMED',
      sequence: b.sequence,
    }));

  return {
    /** A resource's day or week: opening hours less closures, cut into slots at its granularity. */
    availability(ctx: Ctx, slug: string, resourceId: string, q: { date?: string | undefined; days: number }): Promise<TAvailability> {
      return inTerritory(database, ctx, slug, 'places.read_public', async (s) => {
        const resource = await requireResource(s.tx, resourceId);
        const place = await requirePlace(s, resource.placeId);
        const zone = s.territory.timeZone;
        const date = q.date ?? todayIn(zone, clock.now());
        const from = startOfDay(date, zone);
        const to = dayRange(addDays(date, q.days - 1), zone).end;
        const open = openIntervals(resource.openingHours ?? place.openingHours, zone, from, to, {
          closures: await closuresOf(s, place.id),
        });
        const held = await heldIntervals(s.tx, resource.id, from, to);
        const step = resolveBookingRules(resource.rules).granularityMinutes;
        const now = clock.now();
        return {
          resourceId,
          timeZone: zone,
          from: from.toISOString(),
          to: to.toISOString(),
          capacity: resource.capacity,
          granularityMinutes: step,
          open: open.map((o) => ({ start: o.start.toISOString(), end: o.end.toISOString() })),
          slots: slotsOf(open, { start: from, end: to }, step, resource.capacity, held, unbookableReasons(resource.rules, now, zone)),
        };
      });
    },

    /** The public feed of a resource or of a whole place: upcoming holding bookings, anonymous. */
    publicFeed(ctx: Ctx, slug: string, target: { resourceId: string } | { placeId: string }) {
      return inTerritory(database, ctx, slug, 'places.read_public', async (s) => {
        const placeId = 'placeId' in target ? target.placeId : (await requireResource(s.tx, target.resourceId)).placeId;
        const place = await requirePlace(s, placeId);
        const res = await s.tx.select().from(resources).where(eq(resources.placeId, place.id));
        const ids = 'resourceId' in target ? [target.resourceId] : res.map((r) => r.id);
        const since = addMinutes(clock.now(), -30 * 24 * 60);
        const rows = ids.length ? await holdingOverlaps(s.tx, ids, since, addMinutes(clock.now(), 400 * 24 * 60)) : [];
        const names = new Map(res.map((r) => [r.id, r.name]));
        return buildCalendar({
          name: place.name,
          zone: s.territory.timeZone,
          events: publicEvents(rows, names, ctx.locale),
          refreshSeconds: 3600,
        });
      });
    },

    /** Creates (or replaces) the signed-in person's private feed; its secret URL is shown once. */
    createFeed(ctx: Ctx) {
      if (ctx.actor.kind !== 'user' || ctx.actor.via === 'system') throw new AppError('unauthenticated');
      const userId = ctx.actor.userId;
      const token = randomBytes(24).toString('base64url');
      return database.transaction({ system: true }, async (tx) => {
        await tx
          .insert(calendarFeeds)
          .values({ userId, tokenHash: feedHash(token) })
          .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash: feedHash(token), createdAt: new Date() } });
        return { url: `${config.publicUrl}/api/v1/calendar/${token}.ics` };
      });
    },

    /** A person's private feed, found by its secret: their bookings in every territory. */
    privateFeed(token: string) {
      return database.transaction({ system: true }, async (tx) => {
        const [feed] = await tx
          .select()
          .from(calendarFeeds)
          .where(eq(calendarFeeds.tokenHash, feedHash(token)))
          .limit(1);
        if (!feed) throw new AppError('not_found', 'no such feed');
        const rows = await tx
          .select({ b: bookings, r: { name: resources.name }, p: { name: places.name }, zone: territories.timeZone })
          .from(bookings)
          .innerJoin(resources, eq(resources.id, bookings.resourceId))
          .innerJoin(places, eq(places.id, bookings.placeId))
          .innerJoin(territories, eq(territories.id, bookings.territoryId))
          .where(
            and(
              eq(bookings.userId, feed.userId),
              inArray(bookings.status, ['pending', 'confirmed']),
              gte(bookings.endsAt, addMinutes(clock.now(), -30 * 24 * 60)),
            ),
          );
        return buildCalendar({
          name: 'Totem',
          zone: rows[0]?.zone ?? 'Europe/Paris',
          refreshSeconds: 3600,
          events: rows.map(({ b, r, p }) => ({
            uid: bookingUid(b.id, host),
            start: b.startsAt,
            end: b.endsAt,
            summary: `${r.name} — ${p.name}`,
            location: p.name,
            status: b.status === 'pending' ? 'TENTATIVE' : 'CONFIRMED',
            sequence: b.sequence,
          })),
        });
      });
    },
  };
}
export type AvailabilityService = ReturnType<typeof createAvailabilityService>;
