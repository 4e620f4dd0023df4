/**
 * Bulk generator of a territory's places for the benchmarks: 50 places (a third open `24/7`, the
 * others `Mo-Sa 08:00-20:00`), 10 resources each (machines, rooms and an office of one unit, two
 * coworking areas of 8 and 20 desks) and the bookings, all by set-based SQL (`generate_series`,
 * `INSERT … SELECT`), the same on PGlite and PostgreSQL.
 *
 * Cells: six two-hour cells a local day, 08:00 to 20:00 (Monday to Saturday, or every day for the
 * places open `24/7`), over the past weeks and the next 13. A resource's bookings (a coworking area
 * gets 4 or 8 times a machine's share) are spread evenly over its cells; a booking fills the first
 * 60 or 90 minutes of its cell, so the last 30 minutes of every cell stay free: the booking-creation
 * benchmark books those ({@link freeSlots}).
 *
 * The bookings never break the database's rules: on a single-unit resource each booking has a cell
 * of its own, so none overlap (the exclusion constraint); a multi-unit resource has one lane of cells
 * per unit and each booking takes one unit in one lane, so no instant holds more than the capacity.
 *
 * Loading: the bookings go into a bare table, the usual recipe for a bulk load ({@link intoBareBookings}):
 * constraints and indexes dropped, then rebuilt from the catalog's own definitions, and the capacity
 * trigger disabled (`ALTER TABLE … DISABLE TRIGGER`, as the tables' owner), all in one transaction
 * that holds the table's exclusive lock, so no other transaction ever sees the table without them.
 * The trigger would check every row with a query that reads all the earlier bookings of its resource
 * (hours for a million rows); the exclusion constraint, rebuilt at the end, checks every row at once.
 */
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../src/platform/db/client.ts';
import { addDays, instantToZoned, todayIn, zonedToInstant } from '../../src/platform/time/index.ts';

export const zone = 'Europe/Paris';
export const placeCount = 50;
export const resourcesPerPlace = 10;
export const resourceCount = placeCount * resourcesPerPlace;
/** Two-hour cells a local day, from 08:00. */
const cellsPerDay = 6;
const firstHour = 8;
const futureWeeks = 13;
const minPastWeeks = 52;
/** Fraction of a resource's cells that may be booked, at most (the past grows to keep under it). */
const maxOccupancy = 0.85;

/** The ISO weekday (1 = Monday) of a local date. */
export const weekdayOf = (date: string) => instantToZoned(zonedToInstant(date, '12:00', zone), zone).weekday;

/** The resources of one place, by position: kind, label, capacity (units), seats. */
const layout = [
  ['machine', 'Découpeuse laser', 1, null],
  ['machine', 'Imprimante 3D', 1, null],
  ['machine', 'Fraiseuse numérique', 1, null],
  ['machine', 'Brodeuse', 1, null],
  ['room', 'Salle de réunion', 1, 8],
  ['room', 'Salle de formation', 1, 20],
  ['room', 'Studio son', 1, 4],
  ['office', 'Bureau fermé', 1, 2],
  ['desk', 'Espace de coworking', 8, null],
  ['desk', 'Grand plateau', 20, null],
] as const;

export type Window = {
  /** Monday, local, the first day bookings may fall on. */
  firstDay: string;
  pastWeeks: number;
  weeks: number;
  /** Today, local, when the data was generated. */
  today: string;
};

/** A generated resource, as the benchmarks need it. */
export type GeneratedResource = { id: string; placeId: string; capacity: number; alwaysOpen: boolean };

export type Generated = {
  window: Window;
  resources: GeneratedResource[];
  bookings: number;
  seconds: { places: number; bookings: number; analyze: number; total: number };
};

/** Bookings per resource relative to a single-unit one: a coworking area is booked desk by desk, more often. */
const weightOf = (capacity: number) => (capacity === 1 ? 1 : capacity <= 8 ? 4 : 8);

/** A resource's share of the bookings and where its numbers start (for the deterministic details). */
type Planned = GeneratedResource & { count: number; base: number };

/** Each resource's count of bookings, by weight, adding up to exactly `bookings`. */
export function plan(resources: GeneratedResource[], bookings: number): Planned[] {
  const total = resources.reduce((s, r) => s + weightOf(r.capacity), 0);
  const counts = resources.map((r) => Math.floor((bookings * weightOf(r.capacity)) / total));
  let left = bookings - counts.reduce((s, c) => s + c, 0);
  for (let i = 0; left > 0; i = (i + 1) % counts.length, left--) counts[i] = (counts[i] ?? 0) + 1;
  let base = 0;
  return resources.map((r, i) => {
    const count = counts[i] ?? 0;
    const p = { ...r, count, base };
    base += count;
    return p;
  });
}

/** Cells a resource has over `weeks`: six a day, on its open days, one lane per unit. */
const cellsOf = (r: GeneratedResource, weeks: number) => weeks * (r.alwaysOpen ? 7 : 6) * cellsPerDay * r.capacity;

/** The window: this week's Monday less enough past weeks for the busiest resource, and 13 weeks ahead. */
export function windowFor(planned: Planned[], now = new Date()): Window {
  const today = todayIn(zone, now);
  const monday = addDays(today, 1 - weekdayOf(today));
  const needed = Math.max(0, ...planned.map((r) => Math.ceil(r.count / (cellsOf(r, 1) * maxOccupancy))));
  const weeks = Math.max(minPastWeeks + futureWeeks, needed);
  const pastWeeks = weeks - futureWeeks;
  return { firstDay: addDays(monday, -7 * pastWeeks), pastWeeks, weeks, today };
}

/** A whole number written into the SQL (a parameter would have no type there). */
const int = (x: number) => sql.raw(String(Math.trunc(x)));

async function loadPlaces(database: Database, territoryId: string) {
  const kinds = sql.raw(`ARRAY[${layout.map(([k]) => `'${k}'`).join(', ')}]`);
  const labels = sql.raw(`ARRAY[${layout.map(([, l]) => `'${l}'`).join(', ')}]`);
  const capacities = sql.raw(`ARRAY[${layout.map(([, , c]) => c).join(', ')}]`);
  const seats = sql.raw(`ARRAY[${layout.map(([, , , s]) => s ?? 'NULL').join(', ')}]::int[]`);
  await database.transaction({ territoryId }, (tx) =>
    tx.execute(sql`
      WITH p AS (
        INSERT INTO places (territory_id, name, city, commune_insee, opening_hours, description_fr)
        SELECT ${territoryId}::uuid, 'Tiers-lieu ' || lpad(i::text, 2, '0'),
          (ARRAY['Calais', 'Béthune', 'Lens', 'Arras', 'Lille'])[i % 5 + 1],
          (ARRAY['62193', '62119', '62498', '62041', '59350'])[i % 5 + 1],
          CASE WHEN i % 3 = 0 THEN '24/7' ELSE 'Mo-Sa 08:00-20:00' END,
          'Atelier partagé, salles et coworking.'
        FROM generate_series(0, ${int(placeCount - 1)}) AS i
        RETURNING id
      )
      INSERT INTO resources (territory_id, place_id, kind, name, capacity, seats, equipment)
      SELECT ${territoryId}::uuid, p.id, (${kinds})[j + 1], (${labels})[j + 1] || ' ' || (j + 1),
        (${capacities})[j + 1], (${seats})[j + 1], ARRAY['wifi']
      FROM p CROSS JOIN generate_series(0, ${int(resourcesPerPlace - 1)}) AS j`),
  );
  return database.transaction({ territoryId }, async (tx) => {
    const r = await tx.execute<{ id: string; place_id: string; capacity: number; always_open: boolean }>(sql`
      SELECT r.id, r.place_id, r.capacity, coalesce(r.opening_hours, p.opening_hours) = '24/7' AS always_open
      FROM resources r JOIN places p ON p.id = r.place_id ORDER BY p.name, r.name`);
    return (r as unknown as { rows: { id: string; place_id: string; capacity: number; always_open: boolean }[] }).rows.map(
      (x): GeneratedResource => ({ id: x.id, placeId: x.place_id, capacity: Number(x.capacity), alwaysOpen: x.always_open }),
    );
  });
}

/**
 * A resource's `K` bookings take its cells `floor(k × C / K)` (k = 0 … K − 1, C cells), evenly spread
 * and distinct as long as K ≤ C. Cell `c` is lane `c % capacity`, then the slot of the day and the
 * day; Mo-Sa resources skip Sundays. Booking number `n = base + k` decides the details: a few in a
 * hundred are cancelled, no-shows, pending, or a manager's blocking (single-unit resources only).
 */
async function loadBookings(tx: Db, territoryId: string, w: Window, chunk: Planned[]) {
  const json = JSON.stringify(
    chunk.map((r) => ({ id: r.id, place_id: r.placeId, capacity: r.capacity, always_open: r.alwaysOpen, k_count: r.count, base: r.base })),
  );
  await tx.execute(sql`
      WITH k AS (
        SELECT x.*, (CASE WHEN always_open THEN ${int(w.weeks * 7)} ELSE ${int(w.weeks * 6)} END)::bigint * ${int(cellsPerDay)} * capacity AS cells
        FROM json_to_recordset(${json}::json)
          AS x(id uuid, place_id uuid, capacity int, always_open boolean, k_count int, base bigint)
      ), c AS (
        SELECT k.*, k.base + g.kk AS n, g.kk::bigint * k.cells / k.k_count AS cell
        FROM k CROSS JOIN LATERAL generate_series(0, k.k_count - 1) AS g(kk)
      ), d AS (
        SELECT c.*, (c.n * 7919) % 100 AS h, (cell / capacity) % ${int(cellsPerDay)} AS slot,
          cell / capacity / ${int(cellsPerDay)} AS day
        FROM c
      ), t AS (
        SELECT d.*,
          ((${w.firstDay}::date + (CASE WHEN always_open THEN day ELSE day + day / 6 END)::int)::timestamp
            + make_interval(hours => ${int(firstHour)} + 2 * slot::int)) AT TIME ZONE ${zone} AS starts_at,
          CASE WHEN h % 2 = 0 THEN 60 ELSE 90 END AS minutes,
          CASE WHEN capacity = 1 AND h < 2 THEN 'blocking' ELSE 'booking' END AS kind
        FROM d
      )
      INSERT INTO bookings (territory_id, resource_id, place_id, kind, status, guest_name, guest_email, audience,
        starts_at, ends_at, blocked_until, units, exclusive, cancelled_at, note, created_at, updated_at)
      SELECT ${territoryId}::uuid, t.id, t.place_id, t.kind,
        CASE WHEN kind = 'blocking' THEN 'confirmed'
          WHEN h < 7 THEN 'cancelled'
          WHEN h < 9 THEN CASE WHEN starts_at < now() THEN 'no_show' ELSE 'pending' END
          ELSE 'confirmed' END,
        CASE WHEN kind = 'booking' THEN 'Visiteur ' || (n % 20000) END,
        CASE WHEN kind = 'booking' THEN 'visitor-' || (n % 20000) || '@example.test' END,
        CASE WHEN kind = 'blocking' THEN 'staff' ELSE 'public' END,
        starts_at, starts_at + make_interval(mins => minutes), starts_at + make_interval(mins => minutes), 1, capacity = 1,
        CASE WHEN kind = 'booking' AND h < 7 THEN least(starts_at - interval '1 day', now()) END,
        CASE WHEN kind = 'blocking' THEN 'Maintenance' END,
        least(starts_at - interval '7 days', now()), least(starts_at - interval '7 days', now())
      FROM t`);
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/**
 * Runs `load` with the bookings table bare, the usual recipe for a bulk load: its constraints
 * (primary key, exclusion, foreign keys) and indexes dropped, its capacity trigger disabled; then
 * puts them all back as the catalog described them, so that the constraints check every row at once
 * (the exclusion constraint proves that no two generated bookings overlap). One transaction, holding
 * the table's exclusive lock: no other transaction ever sees the table without them.
 */
async function intoBareBookings(database: Database, load: (tx: Db) => Promise<void>): Promise<void> {
  await database.transaction({ system: true }, async (tx) => {
    const constraints = rowsOf<{ name: string; def: string }>(
      await tx.execute(sql`SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid = 'bookings'::regclass AND contype IN ('p', 'u', 'x', 'f')
        ORDER BY array_position(ARRAY['p', 'u', 'x', 'f']::"char"[], contype), conname`),
    );
    const indexes = rowsOf<{ name: string; def: string }>(
      await tx.execute(sql`SELECT indexname AS name, indexdef AS def FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename = 'bookings'
          AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'bookings'::regclass)
        ORDER BY indexname`),
    );
    const id = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);
    for (const c of [...constraints].reverse()) await tx.execute(sql`ALTER TABLE bookings DROP CONSTRAINT ${id(c.name)}`);
    for (const i of indexes) await tx.execute(sql`DROP INDEX ${id(i.name)}`);
    await tx.execute(sql`ALTER TABLE bookings DISABLE TRIGGER bookings_capacity`);
    await load(tx);
    await tx.execute(sql`ALTER TABLE bookings ENABLE TRIGGER bookings_capacity`);
    // More memory than PGlite's 16 MB for the index builds (the GiST one above all): this process only.
    await tx.execute(sql`SET LOCAL maintenance_work_mem = '128MB'`);
    for (const c of constraints) await tx.execute(sql`ALTER TABLE bookings ADD CONSTRAINT ${id(c.name)} ${sql.raw(c.def)}`);
    for (const i of indexes) await tx.execute(sql.raw(i.def));
  });
}

export type GenerateOptions = { bookings: number; log?: (line: string) => void };

/** Fills the territory with 50 places, 500 resources and `bookings` bookings, then refreshes the planner's statistics. */
export async function generate(database: Database, territoryId: string, opts: GenerateOptions): Promise<Generated> {
  const t0 = performance.now();
  const resources = await loadPlaces(database, territoryId);
  const planned = plan(resources, opts.bookings);
  const w = windowFor(planned);
  const t1 = performance.now();
  // A statement per group of resources holding about 250,000 bookings, all in one transaction.
  await intoBareBookings(database, async (tx) => {
    let done = 0;
    for (let i = 0; i < planned.length; ) {
      const chunk: Planned[] = [];
      let rows = 0;
      while (i < planned.length && (chunk.length === 0 || rows + (planned[i]?.count ?? 0) <= 250_000)) {
        const r = planned[i++] as Planned;
        chunk.push(r);
        rows += r.count;
      }
      await loadBookings(tx, territoryId, w, chunk);
      done += rows;
      opts.log?.(
        `  bookings: ${done.toLocaleString('en-US')} of ${opts.bookings.toLocaleString('en-US')} (${Math.round((performance.now() - t1) / 1000)} s)`,
      );
    }
    opts.log?.('  bookings: rebuilding their constraints and indexes…');
  });
  const t2 = performance.now();
  await database.transaction({ system: true }, (tx) => tx.execute(sql`ANALYZE places, resources, bookings`));
  const t3 = performance.now();
  const s = (ms: number) => ms / 1000;
  return {
    window: w,
    resources,
    bookings: opts.bookings,
    seconds: { places: s(t1 - t0), bookings: s(t2 - t1), analyze: s(t3 - t2), total: s(t3 - t0) },
  };
}

/** A slot the generator left free: the last 30 minutes of a cell, on a resource's open day. */
export type Slot = { resourceId: string; start: Date; end: Date };

/**
 * Free slots from `fromDay` to `toDay` days after today (local), day after day, cell after cell,
 * resource after resource (so that consecutive slots are on different resources): each is free
 * of generated bookings on every unit.
 */
export function* freeSlots(w: Window, resources: GeneratedResource[], fromDay: number, toDay: number): Generator<Slot> {
  for (let d = fromDay; d <= toDay; d++) {
    const date = addDays(w.today, d);
    const sunday = weekdayOf(date) === 7;
    for (let cell = 0; cell < cellsPerDay; cell++) {
      const start = zonedToInstant(date, `${String(firstHour + 2 * cell + 1).padStart(2, '0')}:30`, zone);
      const end = zonedToInstant(date, `${String(firstHour + 2 * cell + 2).padStart(2, '0')}:00`, zone);
      for (const r of resources) if (r.alwaysOpen || !sunday) yield { resourceId: r.id, start, end };
    }
  }
}
