/** Reading bookings in bulk: the invoicing export, occupancy figures, and which resource is free when. */
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { type CsvProfile, writeCsv } from '../../platform/csv/write.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import {
  clampIntervals,
  durationMinutes,
  formatInZone,
  startOfDay,
  type TInterval,
  todayIn,
  weekRange,
} from '../../platform/time/index.ts';
import { organizations } from '../directory/index.ts';
import { users } from '../identity/index.ts';
import { holdingOverlaps } from './booking-dto.ts';
import { closuresOf } from './booking-request.ts';
import { peakUnits } from './booking-rules.ts';
import { isOpenDuring, openIntervals } from './opening-hours.ts';
import { bookings, places, resources } from './places.tables.ts';
import { inTerritory } from './scope.ts';

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
const euros = (cents: number, profile: CsvProfile) => {
  const s = (cents / 100).toFixed(2);
  return profile === 'excel' ? s.replace('.', ',') : s;
};

/** The local calendar month containing `date` (YYYY-MM-DD), as instants. */
function monthRange(date: string, zone: string): TInterval {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const first = `${y}-${String(m).padStart(2, '0')}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { start: startOfDay(first, zone), end: startOfDay(next, zone) };
}

export function createBookingReportsService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  return {
    /** Bookings over [from, to) as CSV for invoicing: local times, booker and the organisation booked for, audience, price at booking time. */
    exportCsv(ctx: Ctx, slug: string, q: { from: string; to: string; placeId?: string | undefined; profile: CsvProfile }) {
      return inTerritory(database, ctx, slug, 'places.manage', async (s) => {
        const zone = s.territory.timeZone;
        const rows = await s.tx
          .select({
            b: bookings,
            r: { name: resources.name },
            p: { name: places.name },
            u: { name: users.displayName, email: users.email },
            o: { name: organizations.name },
          })
          .from(bookings)
          .innerJoin(resources, eq(resources.id, bookings.resourceId))
          .innerJoin(places, eq(places.id, bookings.placeId))
          .leftJoin(users, eq(users.id, bookings.userId))
          .leftJoin(organizations, eq(organizations.id, bookings.organizationId))
          .where(
            and(
              eq(bookings.kind, 'booking'),
              gte(bookings.startsAt, new Date(q.from)),
              lt(bookings.startsAt, new Date(q.to)),
              q.placeId ? eq(bookings.placeId, q.placeId) : undefined,
            ),
          )
          .orderBy(asc(bookings.startsAt));
        const fr = ctx.locale === 'fr';
        const header = fr
          ? [
              'réservation',
              'lieu',
              'ressource',
              'début',
              'fin',
              'heures',
              'réservé par',
              'e-mail',
              'pour le compte de',
              'public',
              'statut',
              'prix (€)',
            ]
          : [
              'booking',
              'place',
              'resource',
              'start',
              'end',
              'hours',
              'booked by',
              'e-mail',
              'on behalf of',
              'audience',
              'status',
              'price (€)',
            ];
        // The organisation booked for is the one to invoice, when there is one.
        const body = rows.map(({ b, r, p, u, o }) => [
          b.id,
          p.name,
          r.name,
          formatInZone(b.startsAt, zone, ctx.locale),
          formatInZone(b.endsAt, zone, ctx.locale),
          String(hours(durationMinutes({ start: b.startsAt, end: b.endsAt }))).replace('.', q.profile === 'excel' ? ',' : '.'),
          u?.name ?? b.guestName ?? '',
          u?.email ?? b.guestEmail ?? '',
          o?.name ?? '',
          b.audience,
          b.status,
          euros(b.priceCents, q.profile),
        ]);
        return { filename: `reservations-${q.from.slice(0, 10)}.csv`, body: writeCsv(header, body, q.profile) };
      });
    },

    /** Booked hours over open hours per resource for the local week or month of `date`, with no-shows. */
    occupancy(ctx: Ctx, slug: string, q: { period: 'week' | 'month'; date?: string | undefined; placeId?: string | undefined }) {
      return inTerritory(database, ctx, slug, 'places.manage', async (s) => {
        const zone = s.territory.timeZone;
        const date = q.date ?? todayIn(zone, clock.now());
        const window = q.period === 'week' ? weekRange(date, zone) : monthRange(date, zone);
        const res = await s.tx
          .select({ r: resources, p: places })
          .from(resources)
          .innerJoin(places, eq(places.id, resources.placeId))
          .where(q.placeId ? eq(resources.placeId, q.placeId) : undefined)
          .orderBy(asc(places.name), asc(resources.name));
        const ids = res.map(({ r }) => r.id);
        const held = ids.length
          ? await s.tx
              .select()
              .from(bookings)
              .where(and(inArray(bookings.resourceId, ids), lt(bookings.startsAt, window.end), gte(bookings.endsAt, window.start)))
          : [];
        const items = [];
        for (const { r, p } of res) {
          const open = openIntervals(r.openingHours ?? p.openingHours, zone, window.start, window.end, {
            closures: await closuresOf(s, p.id),
          });
          const openMinutes = open.reduce((m, i) => m + durationMinutes(i), 0) * r.capacity;
          const mine = held.filter((b) => b.resourceId === r.id);
          const used = mine.filter((b) => b.kind === 'booking' && b.status === 'confirmed');
          const bookedMinutes = used.reduce(
            (m, b) =>
              m +
              clampIntervals([{ start: b.startsAt, end: b.endsAt }], window.start, window.end).reduce((x, i) => x + durationMinutes(i), 0) *
                b.units,
            0,
          );
          items.push({
            resourceId: r.id,
            resource: r.name,
            placeId: p.id,
            place: p.name,
            openHours: hours(openMinutes),
            bookedHours: hours(bookedMinutes),
            rate: openMinutes ? Math.round((bookedMinutes / openMinutes) * 1000) / 1000 : 0,
            bookings: used.length,
            noShows: mine.filter((b) => b.status === 'no_show').length,
          });
        }
        return { from: window.start.toISOString(), to: window.end.toISOString(), period: q.period, items };
      });
    },

    /** Active resources of public places open and free over [start, end) with at least `seats` places. */
    free(ctx: Ctx, slug: string, q: { start: string; end: string; seats?: number | undefined; kind?: string | undefined }) {
      return inTerritory(database, ctx, slug, 'places.read_public', async (s) => {
        const start = new Date(q.start);
        const end = new Date(q.end);
        if (!(end > start))
          throw new AppError('validation_failed', 'end before start', {
            errors: [
              { path: 'querystring.end', code: 'too_small', message: ctx.locale === 'fr' ? 'fin avant le début' : 'ends before it starts' },
            ],
          });
        const zone = s.territory.timeZone;
        const candidates = (
          await s.tx
            .select({ r: resources, p: places })
            .from(resources)
            .innerJoin(places, eq(places.id, resources.placeId))
            .where(and(eq(resources.isActive, true), eq(places.isPublic, true), q.kind ? eq(resources.kind, q.kind) : undefined))
            .orderBy(asc(places.name), asc(resources.name))
        ).filter(({ r }) => !q.seats || (r.seats ?? (r.kind === 'desk' ? r.capacity : 1)) >= q.seats);
        const ids = candidates.map(({ r }) => r.id);
        const held = ids.length ? await holdingOverlaps(s.tx, ids, start, end) : [];
        const items = [];
        for (const { r, p } of candidates) {
          if (!isOpenDuring(r.openingHours ?? p.openingHours, zone, start, end, await closuresOf(s, p.id))) continue;
          const mine = held.filter((b) => b.resourceId === r.id).map((b) => ({ start: b.startsAt, end: b.blockedUntil, units: b.units }));
          const freeUnits = r.capacity - peakUnits(mine, { start, end });
          if (freeUnits > 0)
            items.push({ resourceId: r.id, resource: r.name, kind: r.kind, seats: r.seats, placeId: p.id, place: p.name, freeUnits });
        }
        return { items };
      });
    },
  };
}
export type BookingReportsService = ReturnType<typeof createBookingReportsService>;
