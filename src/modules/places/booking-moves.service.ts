/** Moving a booking, checking in (by a manager or with the booker's link), and releasing no-shows. */
import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.ts';
import { sha256 } from '../../platform/auth/secrets.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { systemActor } from '../../platform/policy/actor.ts';
import { type BookingRow, loadBooking } from './booking-dto.ts';
import { type BookingMailDeps, mailBooking, sendAfter } from './booking-mail.ts';
import { bookingSecret, isOverlap, prepareBooking, rulesError } from './booking-request.ts';
import { canCancel, withBuffer } from './booking-rules.ts';
import { authorizeBooker, managesPlaces } from './places.policy.ts';
import { requireResource } from './places.service.ts';
import { bookings } from './places.tables.ts';
import { inTerritory, record, type Scoped } from './scope.ts';

/** Check-in opens this long before the start. */
const CHECK_IN_EARLY_MINUTES = 15;

const own = (ctx: Ctx, bookerId: string | null) => ctx.actor.kind === 'user' && !!bookerId && ctx.actor.userId === bookerId;

/** Booking changes after the fact. */
export function createBookingMovesService({ database, clock, config, mailer }: Pick<Deps, 'database' | 'clock' | 'config' | 'mailer'>) {
  const mail = { mailer, publicUrl: config.publicUrl };
  const thenSend = sendAfter(mailer);
  return {
    /**
     * Moves a booking to another interval of the same resource: its booker before the cancellation
     * deadline, a manager at any time; the rules apply to the new interval, the database to overlaps.
     */
    move(ctx: Ctx, slug: string, id: string, to: { start: string; end: string }) {
      return thenSend(
        inTerritory(database, ctx, slug, 'places.read_own', async (s) => {
          const now = clock.now();
          const b = await loadBooking(s.tx, id, now);
          authorizeBooker(ctx.actor, s.territory.id, b.row.userId);
          // A manager moving someone's booking: the booker's quotas count, not the manager's.
          const mine = own(ctx, b.row.userId);
          return moveBooking(s, mail, b.row, to, now, mine ? undefined : { userId: b.row.userId, organizationId: b.row.organizationId });
        }),
      );
    },

    /** A manager records the booker's arrival. */
    checkIn(ctx: Ctx, slug: string, id: string) {
      return inTerritory(database, ctx, slug, 'places.manage', async (s) => {
        const now = clock.now();
        const b = await loadBooking(s.tx, id, now);
        if (b.row.status !== 'confirmed' || b.row.kind !== 'booking') throw new AppError('booking_not_pending', `status ${b.row.status}`);
        if (!b.row.checkedInAt) {
          const [after] = await s.tx.update(bookings).set({ checkedInAt: now, updatedAt: now }).where(eq(bookings.id, id)).returning();
          await record(s, 'booking.check_in', 'booking', id, { before: b.row, after });
        }
        return loadBooking(s.tx, id, now).then(({ row: _, ...x }) => x);
      });
    },

    /**
     * A new check-in link for the booker's own upcoming booking (the QR code shown on their bookings
     * page). Only the link's hash is stored, so the link cannot be shown again: a new one replaces
     * the one in the confirmation e-mail. Someone else's booking does not exist for the caller.
     */
    renewCheckInLink(ctx: Ctx, slug: string, id: string) {
      return inTerritory(database, ctx, slug, 'places.read_own', async (s) => {
        const now = clock.now();
        const b = await loadBooking(s.tx, id, now);
        if (!own(ctx, b.row.userId)) throw new AppError('booking_not_found', `no booking ${id} of the caller`);
        if (b.row.kind !== 'booking' || (b.row.status !== 'confirmed' && b.row.status !== 'pending') || now >= b.row.endsAt) {
          throw new AppError('check_in_closed', `booking ${id} is ${b.row.status}`);
        }
        const secret = bookingSecret();
        const [after] = await s.tx
          .update(bookings)
          .set({ checkInTokenHash: secret.hash, updatedAt: now })
          .where(eq(bookings.id, id))
          .returning();
        await record(s, 'booking.renew_check_in_link', 'booking', id, { before: b.row, after });
        return { checkInUrl: `${config.publicUrl}/check-in/${secret.token}` };
      });
    },

    /** The booker checks in with the secret link of their confirmation, from shortly before the start to the end. */
    checkInWithToken(token: string) {
      return database.transaction({ system: true }, async (tx) => {
        const now = clock.now();
        const [row] = await tx
          .select()
          .from(bookings)
          .where(eq(bookings.checkInTokenHash, sha256(token)))
          .limit(1);
        if (!row) throw new AppError('booking_not_found', 'no booking for this link');
        const opens = new Date(+row.startsAt - CHECK_IN_EARLY_MINUTES * 60_000);
        if (row.status !== 'confirmed' || now < opens || now >= row.endsAt) {
          throw new AppError('check_in_closed', 'check-in is open from 15 minutes before the start to the end');
        }
        if (!row.checkedInAt) {
          const [after] = await tx.update(bookings).set({ checkedInAt: now, updatedAt: now }).where(eq(bookings.id, row.id)).returning();
          await audit(tx, systemActor, {
            territoryId: row.territoryId,
            action: 'booking.check_in',
            entity: 'booking',
            entityId: row.id,
            before: row,
            after,
          });
        }
        return { id: row.id, checkedInAt: (row.checkedInAt ?? now).toISOString() };
      });
    },

    /**
     * Releases confirmed bookings not checked in within their resource's grace period: they become
     * no-shows and free their slot. Runs for every territory; each release is audited.
     */
    releaseNoShows() {
      return database.transaction({ system: true }, async (tx) => {
        const now = clock.now();
        const released = await tx
          .update(bookings)
          .set({ status: 'no_show', updatedAt: now })
          .where(
            and(
              eq(bookings.status, 'confirmed'),
              eq(bookings.kind, 'booking'),
              isNull(bookings.checkedInAt),
              // Only bookings that started within the last day: giving a resource a grace period later
              // must not turn its whole history into no-shows.
              gte(bookings.startsAt, new Date(now.getTime() - 86_400_000)),
              sql`EXISTS (SELECT 1 FROM resources r WHERE r.id = ${bookings.resourceId}
                AND (r.rules->>'checkInGraceMinutes') IS NOT NULL
                AND ${bookings.startsAt} + make_interval(mins => (r.rules->>'checkInGraceMinutes')::int) <= ${now.toISOString()}::timestamptz)`,
            ),
          )
          .returning();
        for (const row of released) {
          await audit(tx, systemActor, {
            territoryId: row.territoryId,
            action: 'booking.no_show',
            entity: 'booking',
            entityId: row.id,
            after: row,
          });
        }
        return released.length;
      });
    },
  };
}
export type BookingMovesService = ReturnType<typeof createBookingMovesService>;

/**
 * Moves a booking to another interval of the same resource: before the cancellation deadline, or at
 * any time by a manager; the rules apply to the new interval (with the quotas of `onBehalfOf`, the
 * booker, when the caller is someone else), the database to overlaps. Audited, and the booker
 * receives the new slot by e-mail (the calendar event keeps its UID); answers the booking.
 */
export async function moveBooking(
  s: Scoped,
  mail: BookingMailDeps,
  row: BookingRow,
  to: { start: string; end: string },
  now: Date,
  onBehalfOf?: { userId: string | null; organizationId: string | null },
) {
  const resource = await requireResource(s.tx, row.resourceId);
  const manager = managesPlaces(s.ctx.actor, s.territory.id);
  const holding = row.status === 'pending' || row.status === 'confirmed';
  if (!holding || row.kind !== 'booking' || (!manager && !canCancel({ start: row.startsAt }, resource.rules, now))) {
    throw new AppError('booking_not_cancellable', 'this booking can no longer be moved');
  }
  const interval = { start: new Date(to.start), end: new Date(to.end) };
  const request = await prepareBooking(
    s,
    {
      resourceId: resource.id,
      units: row.units,
      guestName: row.guestName ?? undefined,
      guestEmail: row.guestEmail ?? undefined,
      // Residents keep their access and price.
      communeInsee: row.communeInsee ?? undefined,
      // The booker's own move keeps counting on their organisation's quota.
      organizationId: onBehalfOf ? undefined : (row.organizationId ?? undefined),
    },
    now,
    onBehalfOf,
  );
  const violations = await request.check(interval, [], row.id);
  if (violations.length) throw rulesError(violations, s.ctx.locale);
  try {
    const [after] = await s.tx
      .update(bookings)
      .set({
        startsAt: interval.start,
        endsAt: interval.end,
        blockedUntil: withBuffer(interval.start, interval.end, resource.rules.bufferMinutes ?? 0).end,
        sequence: row.sequence + 1,
        updatedAt: now,
      })
      .where(eq(bookings.id, row.id))
      .returning();
    await record(s, 'booking.move', 'booking', row.id, { before: row, after });
  } catch (err) {
    if (isOverlap(err)) throw new AppError('booking_conflict', 'the new slot overlaps another booking');
    throw err;
  }
  const { row: after, ...moved } = await loadBooking(s.tx, row.id, now);
  await mailBooking(s.tx, mail, { ...moved, sequence: after.sequence }, 'moved', s.territory.timeZone, s.ctx.locale);
  return moved;
}
