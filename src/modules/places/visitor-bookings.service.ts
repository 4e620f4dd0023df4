/**
 * A visitor's own booking, reached with the secret link of its confirmation: people who booked with
 * a name and an e-mail (no account) see it, move it and cancel it under the same rules as members.
 * The link is the whole credential; only its hash is stored, so it cannot be read back.
 */
import { eq } from 'drizzle-orm';
import { sha256 } from '../../platform/auth/secrets.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { loadBooking } from './booking-dto.ts';
import { mailBooking, sendAfter } from './booking-mail.ts';
import { moveBooking } from './booking-moves.service.ts';
import { canCancel } from './booking-rules.ts';
import { cancelBooking } from './bookings.service.ts';
import type { TMoveBookingRequest } from './places.contract.ts';
import { requireResource } from './places.service.ts';
import { bookings } from './places.tables.ts';
import { inTerritory, type Scoped } from './scope.ts';

export function createVisitorBookingsService({ database, clock, config, mailer }: Pick<Deps, 'database' | 'clock' | 'config' | 'mailer'>) {
  const mail = { mailer, publicUrl: config.publicUrl };
  const thenSend = sendAfter(mailer);

  /** The booking the link opens in this territory (404 for an unknown, replaced or other territory's link). */
  async function byLink(s: Scoped, token: string, now: Date) {
    const [found] = await s.tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(eq(bookings.guestTokenHash, sha256(token)))
      .limit(1);
    if (!found) throw new AppError('booking_not_found', 'no booking for this link');
    return loadBooking(s.tx, found.id, now);
  }

  return {
    /** The booking, with whether it may still be moved or cancelled (`cancellable`). */
    view(ctx: Ctx, slug: string, token: string) {
      return inTerritory(database, ctx, slug, 'places.book', async (s) => {
        const { row: _, ...b } = await byLink(s, token, clock.now());
        return b;
      });
    },

    /** Moves it to another slot of the same resource, before the cancellation deadline; the rules and quotas apply. */
    move(ctx: Ctx, slug: string, token: string, to: TMoveBookingRequest) {
      return thenSend(
        inTerritory(database, ctx, slug, 'places.book', async (s) => {
          const now = clock.now();
          const b = await byLink(s, token, now);
          return moveBooking(s, mail, b.row, to, now, { userId: null, organizationId: b.row.organizationId });
        }),
      );
    },

    /** Cancels it, before the resource's cancellation deadline; the visitor receives the cancellation by e-mail. */
    cancel(ctx: Ctx, slug: string, token: string) {
      return thenSend(
        inTerritory(database, ctx, slug, 'places.book', async (s) => {
          const now = clock.now();
          const b = await byLink(s, token, now);
          if (b.row.status !== 'pending' && b.row.status !== 'confirmed') throw new AppError('booking_not_cancellable', 'already ended');
          const resource = await requireResource(s.tx, b.row.resourceId);
          if (!canCancel({ start: b.row.startsAt }, resource.rules, now))
            throw new AppError('booking_not_cancellable', 'past the deadline');
          await cancelBooking(s, b.row, now, null);
          const { row: after, ...cancelled } = await loadBooking(s.tx, b.row.id, now);
          await mailBooking(s.tx, mail, { ...cancelled, sequence: after.sequence }, 'cancelled', s.territory.timeZone, ctx.locale);
          return cancelled;
        }),
      );
    },
  };
}
export type VisitorBookingsService = ReturnType<typeof createVisitorBookingsService>;
