/** Bookings as the API shows them, and the queries that read them with their resource, place, booker and organisation. */
import { and, asc, count, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { organizations } from '../directory/index.ts';
import { users } from '../identity/index.ts';
import { canCancel, cancellationDeadline } from './booking-rules.ts';
import type { TBooking } from './places.contract.ts';
import { bookings, places, resources } from './places.tables.ts';

export type BookingRow = typeof bookings.$inferSelect;
type Joined = {
  b: BookingRow;
  r: typeof resources.$inferSelect;
  p: { id: string; name: string };
  u: { name: string; email: string } | null;
  o: { id: string; name: string } | null;
};

const selection = {
  b: bookings,
  r: resources,
  p: { id: places.id, name: places.name },
  u: { name: users.displayName, email: users.email },
  o: { id: organizations.id, name: organizations.name },
};

function toBooking(row: Joined, now: Date, showBooker: boolean): TBooking {
  const { b, r, p, u, o } = row;
  const booker = u ? { name: u.name, email: u.email } : b.guestEmail ? { name: b.guestName ?? '', email: b.guestEmail } : null;
  const holding = b.status === 'pending' || b.status === 'confirmed';
  return {
    id: b.id,
    kind: b.kind as TBooking['kind'],
    status: b.status as TBooking['status'],
    resource: { id: r.id, name: r.name, kind: r.kind as TBooking['resource']['kind'] },
    place: p,
    start: b.startsAt.toISOString(),
    end: b.endsAt.toISOString(),
    units: b.units,
    audience: b.audience as TBooking['audience'],
    priceCents: b.priceCents,
    booker: showBooker ? booker : null,
    organization: o,
    note: b.note,
    cancelReason: b.cancelReason,
    cancellable: b.kind === 'booking' && holding && canCancel({ start: b.startsAt }, r.rules, now),
    changeableUntil: b.kind === 'booking' && holding ? cancellationDeadline(b.startsAt, r.rules).toISOString() : null,
    checkedInAt: b.checkedInAt?.toISOString() ?? null,
    seriesId: b.seriesId,
    createdAt: b.createdAt.toISOString(),
  };
}

function joined(tx: Db) {
  return tx
    .select(selection)
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .innerJoin(places, eq(places.id, bookings.placeId))
    .leftJoin(users, eq(users.id, bookings.userId))
    .leftJoin(organizations, eq(organizations.id, bookings.organizationId));
}

/** One booking with its resource, place and booker (404 when it does not exist in the territory). */
export async function loadBooking(tx: Db, id: string, now: Date, showBooker = true): Promise<TBooking & { row: BookingRow }> {
  const [row] = await joined(tx).where(eq(bookings.id, id)).limit(1);
  if (!row) throw new AppError('booking_not_found', `no booking ${id}`);
  return { ...toBooking(row, now, showBooker), row: row.b };
}

/** Several bookings by id, in time order (the occurrences of a series just written). */
export async function loadBookings(tx: Db, ids: string[], now: Date): Promise<TBooking[]> {
  if (!ids.length) return [];
  const rows = await joined(tx).where(inArray(bookings.id, ids)).orderBy(asc(bookings.startsAt), asc(bookings.id));
  return rows.map((r) => toBooking(r, now, true));
}

/** A page of bookings matching `where`, soonest first (or latest first for the past). */
export async function pageOfBookings(
  tx: Db,
  where: SQL | undefined,
  page: { page: number; pageSize: number },
  now: Date,
  order: 'asc' | 'desc' = 'asc',
) {
  const rows = await joined(tx)
    .where(where)
    .orderBy(order === 'asc' ? asc(bookings.startsAt) : desc(bookings.startsAt), asc(bookings.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await tx.select({ n: count() }).from(bookings).where(where);
  return { items: rows.map((r) => toBooking(r, now, true)), total: Number(total?.n ?? 0), page: page.page, pageSize: page.pageSize };
}

/**
 * What availability needs of the holding bookings of one resource between `from` and `to`: when
 * each holds the resource (start to the end of its buffer) and how many units, in start order;
 * three columns rather than whole rows (a busy week of a coworking area has over a thousand).
 */
export function heldIntervals(tx: Db, resourceId: string, from: Date, to: Date) {
  return tx
    .select({ start: bookings.startsAt, end: bookings.blockedUntil, units: bookings.units })
    .from(bookings)
    .where(
      and(
        eq(bookings.resourceId, resourceId),
        inArray(bookings.status, ['pending', 'confirmed']),
        lt(bookings.startsAt, to),
        gte(bookings.blockedUntil, from),
      ),
    )
    .orderBy(asc(bookings.startsAt));
}

/** Bookings holding a slot of these resources (with their buffer) that overlap [from, to). */
export function holdingOverlaps(tx: Db, resourceIds: string[], from: Date, to: Date) {
  return tx
    .select()
    .from(bookings)
    .where(
      and(
        inArray(bookings.resourceId, resourceIds),
        inArray(bookings.status, ['pending', 'confirmed']),
        lt(bookings.startsAt, to),
        gte(bookings.blockedUntil, from),
      ),
    )
    .orderBy(asc(bookings.startsAt));
}
