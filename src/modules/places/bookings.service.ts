import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { authorize } from '../../platform/policy/policy.ts';
import { dayRange, startOfDay } from '../../platform/time/index.ts';
import { bookingAudience, bookingPrice } from './booking-access.ts';
import { type BookingRow, loadBooking, pageOfBookings } from './booking-dto.ts';
import { type BookingEvent, mailBooking } from './booking-mail.ts';
import { canCancel, checkBooking, describeViolation, initialStatus, quotaWindow, withBuffer } from './booking-rules.ts';
import type { TBookingListQuery, TCreateBlockingRequest, TCreateBookingRequest } from './places.contract.ts';
import { managesPlaces, placesPolicy } from './places.policy.ts';
import { requirePlace, requireResource } from './places.service.ts';
import { bookings, placeClosures } from './places.tables.ts';
import { inTerritory, record, type Scoped } from './scope.ts';

type BookingsDeps = Pick<Deps, 'database' | 'clock' | 'mailer' | 'config'>;

/** A closure's local days as instants in the territory's zone: [first day's midnight, the day after the last). */
export async function closuresOf(s: Scoped, placeId: string) {
  const rows = await s.tx.select().from(placeClosures).where(eq(placeClosures.placeId, placeId));
  const zone = s.territory.timeZone;
  return rows.map((c) => ({ start: startOfDay(c.startsOn, zone), end: dayRange(c.endsOn, zone).end }));
}

/** Whether a database error is the overlap constraint or the capacity trigger refusing a booking. */
function isOverlap(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === '23P01') return true;
  }
  return false;
}

/** Minutes the same booker already holds in the local day and ISO week of `start`, for the quotas. */
async function bookedMinutes(s: Scoped, resourceId: string, start: Date, booker: { userId: string | null; email: string | null }) {
  const who = booker.userId ? eq(bookings.userId, booker.userId) : booker.email ? eq(bookings.guestEmail, booker.email) : undefined;
  if (!who) return { day: 0, week: 0 };
  const minutesIn = async (w: { start: Date; end: Date }) => {
    const r = await s.tx
      .select({ m: sql<number>`coalesce(sum(extract(epoch FROM ${bookings.endsAt} - ${bookings.startsAt}) / 60), 0)` })
      .from(bookings)
      .where(
        and(
          eq(bookings.resourceId, resourceId),
          who,
          inArray(bookings.status, ['pending', 'confirmed']),
          gte(bookings.startsAt, w.start),
          lt(bookings.startsAt, w.end),
        ),
      );
    return Number(r[0]?.m ?? 0);
  };
  const zone = s.territory.timeZone;
  return { day: await minutesIn(quotaWindow('day', start, zone)), week: await minutesIn(quotaWindow('week', start, zone)) };
}

/** Inserts a booking row; an overlap refused by the database becomes a clear 409. */
async function insertBooking(s: Scoped, values: typeof bookings.$inferInsert): Promise<BookingRow> {
  try {
    const [row] = await s.tx.insert(bookings).values(values).returning();
    if (!row) throw new AppError('internal');
    return row;
  } catch (err) {
    if (isOverlap(err)) throw new AppError('booking_conflict', 'the slot overlaps another booking or exceeds the capacity');
    throw err;
  }
}

/** Booking, cancelling, approving and blocking resources, with the rules checked by the server. */
export function createBookingsService(deps: BookingsDeps) {
  const { database, clock } = deps;
  const mailDeps = { mailer: deps.mailer, publicUrl: deps.config.publicUrl };
  // E-mails leave once the transaction that queued them has committed.
  const thenSend = <T>(done: Promise<T>) =>
    done.then((r) => {
      void deps.mailer.flush().catch(() => 0);
      return r;
    });
  const notify = async (s: Scoped, id: string, event: BookingEvent, reason?: string | null) => {
    const b = await loadBooking(s.tx, id, clock.now());
    await mailBooking(s.tx, mailDeps, { ...b, sequence: b.row.sequence }, event, s.territory.timeZone, s.ctx.locale, reason);
  };

  return {
    /** Books a slot (a person with an account, or a visitor giving a name and an e-mail). */
    create(ctx: Ctx, slug: string, input: TCreateBookingRequest) {
      return thenSend(
        inTerritory(database, ctx, slug, 'places.book', async (s) => {
          const now = clock.now();
          const userId = ctx.actor.kind === 'user' && ctx.actor.via !== 'system' ? ctx.actor.userId : null;
          if (!userId && (!input.guestName || !input.guestEmail)) {
            const missing = (['guestName', 'guestEmail'] as const).filter((k) => !input[k]);
            throw new AppError('validation_failed', 'visitors give a name and an e-mail', {
              errors: missing.map((k) => ({
                path: `body.${k}`,
                code: 'required',
                message: ctx.locale === 'fr' ? 'obligatoire' : 'required',
              })),
            });
          }
          const resource = await requireResource(s.tx, input.resourceId);
          const place = await requirePlace(s, resource.placeId);
          if (!resource.isActive) throw new AppError('resource_not_found', 'this resource is not bookable');
          const units = input.units ?? 1;
          if (units > resource.capacity) {
            throw new AppError('validation_failed', 'more units than the resource has', {
              errors: [{ path: 'body.units', code: 'too_big', message: `≤ ${resource.capacity}` }],
            });
          }
          const audience = await bookingAudience(s, resource, input, now);
          const start = new Date(input.start);
          const end = new Date(input.end);
          const violations = checkBooking({ start, end }, resource.rules, {
            now,
            zone: s.territory.timeZone,
            openingHours: resource.openingHours ?? place.openingHours,
            closures: await closuresOf(s, place.id),
            bookedMinutes: await bookedMinutes(s, resource.id, start, { userId, email: input.guestEmail ?? null }),
          });
          if (violations.length) {
            const errors = violations.map((v) => ({
              path: v.code.includes('quota') || v.code === 'booking_too_far_ahead' ? 'body.start' : 'body.end',
              code: v.code,
              message: describeViolation(v, ctx.locale),
            }));
            throw new AppError('booking_rules', errors.map((e) => e.message).join(' '), { errors });
          }
          const staff = managesPlaces(ctx.actor, s.territory.id);
          const row = await insertBooking(s, {
            territoryId: s.territory.id,
            resourceId: resource.id,
            placeId: place.id,
            kind: 'booking',
            status: staff ? 'confirmed' : initialStatus(resource.rules),
            userId,
            guestName: userId ? null : (input.guestName ?? null),
            guestEmail: userId ? null : (input.guestEmail ?? null),
            communeInsee: input.communeInsee ?? null,
            audience,
            startsAt: start,
            endsAt: end,
            blockedUntil: withBuffer(start, end, resource.rules.bufferMinutes ?? 0).end,
            units,
            exclusive: resource.capacity === 1,
            priceCents: bookingPrice(resource, audience, start, end),
            note: input.note ?? null,
          });
          await record(s, 'booking.create', 'booking', row.id, { after: row });
          await notify(s, row.id, row.status === 'pending' ? 'pending' : 'confirmed');
          return loadBooking(s.tx, row.id, now, true).then(({ row: _, ...b }) => b);
        }),
      );
    },

    /**
     * Cancels a booking: its booker until the resource's deadline; a manager at any time, giving
     * a reason the booker receives by e-mail.
     */
    cancel(ctx: Ctx, slug: string, id: string, reason: string | undefined) {
      return thenSend(
        inTerritory(database, ctx, slug, 'places.read_own', async (s) => {
          const now = clock.now();
          const b = await loadBooking(s.tx, id, now);
          authorize(placesPolicy, ctx.actor, 'booking.cancel', { territoryId: s.territory.id, bookerId: b.row.userId });
          if (b.row.status !== 'pending' && b.row.status !== 'confirmed') throw new AppError('booking_not_cancellable', 'already ended');
          const own = ctx.actor.kind === 'user' && ctx.actor.userId === b.row.userId;
          const manager = managesPlaces(ctx.actor, s.territory.id);
          if (own && !manager) {
            const resource = await requireResource(s.tx, b.row.resourceId);
            if (!canCancel({ start: b.row.startsAt }, resource.rules, now))
              throw new AppError('booking_not_cancellable', 'past the deadline');
          } else if (!reason?.trim()) {
            throw new AppError('validation_failed', 'a reason is required', {
              errors: [
                { path: 'body.reason', code: 'required', message: ctx.locale === 'fr' ? 'motif obligatoire' : 'a reason is required' },
              ],
            });
          }
          const [after] = await s.tx
            .update(bookings)
            .set({ status: 'cancelled', cancelledAt: now, cancelReason: reason ?? null, sequence: b.row.sequence + 1, updatedAt: now })
            .where(eq(bookings.id, id))
            .returning();
          await record(s, 'booking.cancel', 'booking', id, { before: b.row, after });
          await notify(s, id, 'cancelled', own ? null : reason);
          return loadBooking(s.tx, id, now).then(({ row: _, ...x }) => x);
        }),
      );
    },

    /** Approves or rejects a pending request (place managers). */
    decide(ctx: Ctx, slug: string, id: string, decision: 'approve' | 'reject', reason: string | undefined) {
      return thenSend(
        inTerritory(database, ctx, slug, 'places.manage', async (s) => {
          const now = clock.now();
          const b = await loadBooking(s.tx, id, now);
          if (b.row.status !== 'pending') throw new AppError('booking_not_pending', `status ${b.row.status}`);
          const status = decision === 'approve' ? 'confirmed' : 'rejected';
          const actorId = ctx.actor.kind === 'user' && ctx.actor.via !== 'system' ? ctx.actor.userId : null;
          const [after] = await s.tx
            .update(bookings)
            .set({ status, decidedBy: actorId, decidedAt: now, cancelReason: reason ?? null, sequence: b.row.sequence + 1, updatedAt: now })
            .where(eq(bookings.id, id))
            .returning();
          await record(s, `booking.${decision}`, 'booking', id, { before: b.row, after });
          await notify(s, id, decision === 'approve' ? 'approved' : 'rejected', reason);
          return loadBooking(s.tx, id, now).then(({ row: _, ...x }) => x);
        }),
      );
    },

    /** Blocks a resource (maintenance, an event): every unit, refused if bookings are in the way. */
    block(ctx: Ctx, slug: string, input: TCreateBlockingRequest) {
      return inTerritory(database, ctx, slug, 'places.manage', async (s) => {
        const resource = await requireResource(s.tx, input.resourceId);
        const start = new Date(input.start);
        const end = new Date(input.end);
        if (!(end > start)) {
          throw new AppError('validation_failed', 'the blocking ends before it starts', {
            errors: [
              { path: 'body.end', code: 'too_small', message: ctx.locale === 'fr' ? 'fin avant le début' : 'ends before it starts' },
            ],
          });
        }
        const row = await insertBooking(s, {
          territoryId: s.territory.id,
          resourceId: resource.id,
          placeId: resource.placeId,
          kind: 'blocking',
          status: 'confirmed',
          audience: 'staff',
          startsAt: start,
          endsAt: end,
          blockedUntil: end,
          units: resource.capacity,
          exclusive: resource.capacity === 1,
          note: input.reason,
        });
        await record(s, 'booking.block', 'booking', row.id, { after: row });
        return loadBooking(s.tx, row.id, clock.now()).then(({ row: _, ...x }) => x);
      });
    },

    /** The bookings of the territory's places, for their managers. */
    list(ctx: Ctx, slug: string, q: TBookingListQuery) {
      return inTerritory(database, ctx, slug, 'places.manage', (s) => {
        const where = and(
          q.placeId ? eq(bookings.placeId, q.placeId) : undefined,
          q.resourceId ? eq(bookings.resourceId, q.resourceId) : undefined,
          q.status ? eq(bookings.status, q.status) : undefined,
          q.from ? gte(bookings.endsAt, new Date(q.from)) : undefined,
          q.to ? lt(bookings.startsAt, new Date(q.to)) : undefined,
        );
        return pageOfBookings(s.tx, where, q, clock.now());
      });
    },

    /** The signed-in person's own bookings in the territory: upcoming (soonest first) or past. */
    mine(ctx: Ctx, slug: string, q: { page: number; pageSize: number; upcoming: 'true' | 'false' }) {
      return inTerritory(database, ctx, slug, 'places.read_own', (s) => {
        const now = clock.now();
        const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : '';
        const when = q.upcoming === 'true' ? gte(bookings.endsAt, now) : lt(bookings.endsAt, now);
        return pageOfBookings(s.tx, and(eq(bookings.userId, userId), when), q, now, q.upcoming === 'true' ? 'asc' : 'desc');
      });
    },
  };
}
export type BookingsService = ReturnType<typeof createBookingsService>;
