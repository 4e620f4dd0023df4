/**
 * Recurring bookings (RRULE): every occurrence is checked against the rules and the bookings
 * already held before anything is written; the conflicts are reported, and the series is written
 * whole (or only its free occurrences, when asked) as one booking per occurrence.
 */
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { addDays, todayIn, zonedToInstant } from '../../platform/time/index.ts';
import { holdingOverlaps, loadBookings } from './booking-dto.ts';
import { mailSeries, sendAfter } from './booking-mail.ts';
import { bookingSecret, prepareBooking } from './booking-request.ts';
import { describeViolation, peakUnits, resolveBookingRules } from './booking-rules.ts';
import { insertBookings } from './bookings.service.ts';
import { authorizeBooker, managesPlaces } from './places.policy.ts';
import { requireResource } from './places.service.ts';
import { bookingSeries, bookings } from './places.tables.ts';
import { expandRecurrence } from './recurrence.ts';
import { inTerritory, record, recordMany, type Scoped } from './scope.ts';
import type { TCreateSeriesRequest, TSeriesResult } from './series.contract.ts';

const conflictMessage = { fr: 'Créneau déjà pris', en: 'Slot already taken' };

/** Recurring bookings: preview, then commit in one transaction. */
export function createSeriesService({ database, clock, mailer, config }: Pick<Deps, 'database' | 'clock' | 'mailer' | 'config'>) {
  const mail = { mailer, publicUrl: config.publicUrl };
  const thenSend = sendAfter(mailer);
  /** Reads the occurrences just written (in time order) and sends their booker one e-mail about them all. */
  const mailOccurrences = async (
    s: Scoped,
    rows: { id: string; sequence: number }[],
    event: 'booked' | 'cancelled',
    now: Date,
    reason?: string | null,
  ) => {
    const loaded = await loadBookings(
      s.tx,
      rows.map((r) => r.id),
      now,
    );
    const sequence = new Map(rows.map((r) => [r.id, r.sequence]));
    const withSequence = loaded.map((b) => ({ ...b, sequence: sequence.get(b.id) ?? 0 }));
    await mailSeries(s.tx, mail, withSequence, event, s.territory.timeZone, s.ctx.locale, reason);
    return loaded;
  };
  return {
    create(ctx: Ctx, slug: string, input: TCreateSeriesRequest): Promise<TSeriesResult> {
      return thenSend(
        inTerritory(database, ctx, slug, 'places.read_own', async (s) => {
          const now = clock.now();
          const request = await prepareBooking(s, input, now);
          const zone = s.territory.timeZone;
          const rules = resolveBookingRules(request.resource.rules);
          const horizon = zonedToInstant(addDays(todayIn(zone, now), rules.maxAdvanceDays + 1), '00:00', zone);
          const expanded = expandRecurrence({
            rrule: input.rrule,
            start: input.start,
            durationMinutes: input.durationMinutes,
            zone,
            horizon,
          });
          if (!expanded.ok) {
            throw new AppError('validation_failed', expanded.message[ctx.locale], {
              errors: [{ path: 'body.rrule', code: expanded.code, message: expanded.message[ctx.locale] }],
            });
          }
          const list = expanded.occurrences;
          const first = list[0] as (typeof list)[number];
          const last = list[list.length - 1] as (typeof list)[number];
          const held = (await holdingOverlaps(s.tx, [request.resource.id], first.start, last.end)).map((b) => ({
            start: b.startsAt,
            end: b.blockedUntil,
            units: b.units,
          }));
          const units = input.units ?? 1;
          const occurrences: TSeriesResult['occurrences'] = [];
          for (const o of list) {
            const others = list.filter((x) => x !== o);
            const problems: { code: string; message: string }[] = (await request.check(o, others)).map((v) => ({
              code: v.code,
              message: describeViolation(v, ctx.locale),
            }));
            const buffer = rules.bufferMinutes * 60_000;
            if (peakUnits(held, { start: o.start, end: new Date(+o.end + buffer) }) + units > request.resource.capacity) {
              problems.push({ code: 'booking_conflict', message: conflictMessage[ctx.locale] });
            }
            occurrences.push({
              start: o.start.toISOString(),
              end: o.end.toISOString(),
              localStart: o.localStart,
              ok: !problems.length,
              problems,
            });
          }
          const blocked = occurrences.filter((o) => !o.ok);
          if (input.mode === 'preview') return { seriesId: null, occurrences, booked: [] };
          if (blocked.length && !input.skipConflicts) {
            throw new AppError('booking_conflict', `${blocked.length} occurrence(s) cannot be booked`, {
              errors: blocked.flatMap((o) =>
                o.problems.map((p) => ({ path: `body.occurrences.${o.localStart}`, code: p.code, message: p.message })),
              ),
            });
          }
          const [series] = await s.tx
            .insert(bookingSeries)
            .values({
              territoryId: s.territory.id,
              resourceId: request.resource.id,
              rrule: input.rrule,
              localStart: input.start,
              durationMinutes: input.durationMinutes,
              userId: ctx.actor.kind === 'user' && ctx.actor.via !== 'system' ? ctx.actor.userId : null,
            })
            .returning();
          if (!series) throw new AppError('internal');
          // The free occurrences in one statement (the database still checks each row), read back in one query,
          // and audited in one: the series, then each occurrence as the booking it is.
          const free = list.filter((_, k) => occurrences[k]?.ok);
          const rows = await insertBookings(
            s,
            free.map((o) => ({ ...request.values(o, bookingSecret().hash), seriesId: series.id })),
          );
          await recordMany(s, [
            { action: 'booking.series', entity: 'booking_series', entityId: series.id, after: { series, bookings: rows.map((r) => r.id) } },
            ...rows.map((row) => ({ action: 'booking.create', entity: 'booking', entityId: row.id, after: row })),
          ]);
          const booked = await mailOccurrences(s, rows, 'booked', now);
          return { seriesId: series.id, occurrences, booked };
        }),
      );
    },

    /**
     * Cancels a series' occurrences to come: for its booker, those still before the cancellation
     * deadline (the others stay, as they would one by one); for a manager, every one that has not
     * started, with a reason. The booker receives one e-mail listing them, with their .ics cancellations.
     */
    cancelRest(ctx: Ctx, slug: string, seriesId: string, reason: string | undefined) {
      return thenSend(
        inTerritory(database, ctx, slug, 'places.read_own', async (s) => {
          const now = clock.now();
          const [series] = await s.tx.select().from(bookingSeries).where(eq(bookingSeries.id, seriesId)).limit(1);
          if (!series) throw new AppError('booking_not_found', `no series ${seriesId}`);
          authorizeBooker(ctx.actor, s.territory.id, series.userId);
          const own = ctx.actor.kind === 'user' && ctx.actor.userId === series.userId;
          const manager = managesPlaces(ctx.actor, s.territory.id);
          if (!own && !reason?.trim()) {
            throw new AppError('validation_failed', 'a reason is required', {
              errors: [
                { path: 'body.reason', code: 'required', message: ctx.locale === 'fr' ? 'motif obligatoire' : 'a reason is required' },
              ],
            });
          }
          const resource = await requireResource(s.tx, series.resourceId);
          const deadline = resolveBookingRules(resource.rules).cancellationDeadlineMinutes;
          const from = own && !manager ? new Date(+now + deadline * 60_000) : now;
          const rows = await s.tx
            .update(bookings)
            .set({
              status: 'cancelled',
              cancelledAt: now,
              cancelReason: reason?.trim() || null,
              sequence: sql`${bookings.sequence} + 1`,
              updatedAt: now,
            })
            .where(and(eq(bookings.seriesId, seriesId), inArray(bookings.status, ['pending', 'confirmed']), gte(bookings.startsAt, from)))
            .returning({ id: bookings.id, sequence: bookings.sequence });
          await record(s, 'booking.series_cancel', 'booking_series', seriesId, { after: { cancelled: rows.map((r) => r.id) } });
          await mailOccurrences(s, rows, 'cancelled', now, own ? null : reason);
          return { cancelled: rows.length };
        }),
      );
    },
  };
}
export type SeriesService = ReturnType<typeof createSeriesService>;
