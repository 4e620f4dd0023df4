import { and, eq, gte, lt } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { authorize } from '../../platform/policy/policy.ts';
import { type BookingRow, loadBooking, pageOfBookings } from './booking-dto.ts';
import { type BookingEvent, mailBooking, sendAfter } from './booking-mail.ts';
import { bookerOrganizations } from './booking-organization.ts';
import { bookingSecret, isOverlap, prepareBooking, rulesError } from './booking-request.ts';
import { canCancel } from './booking-rules.ts';
import type { TBookingListQuery, TCreateBlockingRequest, TCreateBookingRequest } from './places.contract.ts';
import { managesPlaces, placesPolicy } from './places.policy.ts';
import { requireResource } from './places.service.ts';
import { bookings } from './places.tables.ts';
import { inTerritory, record, type Scoped } from './scope.ts';

type BookingsDeps = Pick<Deps, 'database' | 'clock' | 'mailer' | 'config'>;

/** The line of a confirmation that gives the booker their check-in link. */
const checkInLine = (url: string, locale: Ctx['locale']) =>
  locale === 'fr' ? `Pour signaler votre arrivée sur place : ${url}` : `To check in when you arrive: ${url}`;

/** The line of a visitor's confirmation that gives the link to see, move or cancel the booking. */
const manageLine = (url: string, locale: Ctx['locale']) =>
  locale === 'fr' ? `Pour voir, déplacer ou annuler votre réservation : ${url}` : `To see, move or cancel your booking: ${url}`;

/** The page where a visitor (no account) manages their booking; the secret is the whole credential. */
export const visitorBookingUrl = (publicUrl: string, slug: string, token: string) => `${publicUrl}/t/${slug}/reservation/${token}`;

/** Marks a booking cancelled (raising its calendar sequence) and audits it; the caller has checked who may. */
export async function cancelBooking(s: Scoped, row: BookingRow, now: Date, reason: string | null | undefined): Promise<void> {
  const [after] = await s.tx
    .update(bookings)
    .set({ status: 'cancelled', cancelledAt: now, cancelReason: reason ?? null, sequence: row.sequence + 1, updatedAt: now })
    .where(eq(bookings.id, row.id))
    .returning();
  await record(s, 'booking.cancel', 'booking', row.id, { before: row, after });
}

/** Inserts booking rows in one statement; an overlap refused by the database becomes a clear 409 (and nothing is written). */
export async function insertBookings(s: Scoped, values: (typeof bookings.$inferInsert)[]): Promise<BookingRow[]> {
  if (!values.length) return [];
  try {
    return await s.tx.insert(bookings).values(values).returning();
  } catch (err) {
    if (isOverlap(err)) throw new AppError('booking_conflict', 'the slot overlaps another booking or exceeds the capacity');
    throw err;
  }
}

/** Inserts one booking row (see {@link insertBookings}). */
export async function insertBooking(s: Scoped, values: typeof bookings.$inferInsert): Promise<BookingRow> {
  const [row] = await insertBookings(s, [values]);
  if (!row) throw new AppError('internal');
  return row;
}

/** Booking, cancelling, approving and blocking resources, with the rules checked by the server. */
export function createBookingsService(deps: BookingsDeps) {
  const { database, clock } = deps;
  const mailDeps = { mailer: deps.mailer, publicUrl: deps.config.publicUrl };
  const thenSend = sendAfter(deps.mailer);
  const notify = async (s: Scoped, id: string, event: BookingEvent, reason?: string | null, extra?: string) => {
    const b = await loadBooking(s.tx, id, clock.now());
    await mailBooking(s.tx, mailDeps, { ...b, sequence: b.row.sequence }, event, s.territory.timeZone, s.ctx.locale, reason, extra);
  };

  return {
    /** Books a slot (a person with an account, or a visitor giving a name and an e-mail). */
    create(ctx: Ctx, slug: string, input: TCreateBookingRequest) {
      return thenSend(
        inTerritory(database, ctx, slug, 'places.book', async (s) => {
          const now = clock.now();
          const request = await prepareBooking(s, input, now);
          const interval = { start: new Date(input.start), end: new Date(input.end) };
          const violations = await request.check(interval);
          if (violations.length) throw rulesError(violations, ctx.locale);
          const secret = bookingSecret();
          const values = request.values(interval, secret.hash);
          // A visitor has no account to find the booking again: their link is the key to it.
          const link = values.userId ? null : bookingSecret();
          const row = await insertBooking(s, { ...values, guestTokenHash: link?.hash ?? null });
          await record(s, 'booking.create', 'booking', row.id, { after: row });
          const checkInUrl = `${deps.config.publicUrl}/check-in/${secret.token}`;
          const manageUrl = link ? visitorBookingUrl(deps.config.publicUrl, slug, link.token) : null;
          // Loaded once, for the e-mail and the answer alike.
          const { row: _, ...b } = await loadBooking(s.tx, row.id, now, true);
          const event = row.status === 'pending' ? 'pending' : 'confirmed';
          await mailBooking(
            s.tx,
            mailDeps,
            { ...b, sequence: row.sequence },
            event,
            s.territory.timeZone,
            ctx.locale,
            null,
            [checkInLine(checkInUrl, ctx.locale), manageUrl && manageLine(manageUrl, ctx.locale)].filter(Boolean).join('\n'),
          );
          return { ...b, checkInUrl, ...(manageUrl ? { manageUrl } : {}) };
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
          await cancelBooking(s, b.row, now, reason);
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

    /** The organisations the signed-in person may book on behalf of. */
    organizations(ctx: Ctx, slug: string) {
      return inTerritory(database, ctx, slug, 'places.read_own', async (s) => {
        const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : '';
        return { items: await bookerOrganizations(s, userId, clock.now()) };
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
