/**
 * Booking creation over real HTTP (autocannon), Totem as a child process on 127.0.0.1 serving the
 * generated database (as `npm start` runs it), beside a bare Fastify process answering the same
 * POST with a 201 and a booking of the same size, measured in the same run:
 *  - without contention: every request books another free slot (the generator's free half-hours,
 *    resource after resource), as visitors giving a name and an e-mail; all must be 201;
 *  - with contention: every request asks for one of a few slots (four single-unit resources and two
 *    coworking areas of 8 and 20 desks, the same half-hour): as many succeed as there are units
 *    (201), the others get 409; then the database is checked for overlaps.
 */
import { writeFileSync } from 'node:fs';
import autocannon, { type Options, type Result } from 'autocannon';
import { sql } from 'drizzle-orm';
import { addDays, zonedToInstant } from '../../src/platform/time/index.ts';
import { freePort, removeDir, type Server, startScriptNodeOptions, startServer, tempDir } from '../lib/processes.ts';
import { percentile } from '../lib/stats.ts';
import { freeSlots, type GeneratedResource, type Slot, type Window, weekdayOf, zone } from './generate.ts';
import { type Location, openAt } from './setup.ts';

const path = '/api/v1/territories/bench/bookings';

export type Load = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Responses by status code. */
  statuses: Record<string, number>;
  /** Latency percentiles by status code. */
  latencyBy: Record<string, { p50: number; p99: number }>;
  errors: number;
};

export type CreationFigures = {
  connections: number;
  durationSeconds: number;
  reference: Load;
  free: Load;
  contended: Load & { slots: number; units: number };
  /** Holding bookings made by the benchmark that overlap another beyond the resource's capacity. */
  overlaps: number;
  bodyBytes: { totem: number; reference: number };
};

/** autocannon options the benchmarks' declaration leaves out: a request built anew for each send. */
type DynamicOptions = Options & { requests: { setupRequest: (req: Record<string, unknown>) => Record<string, unknown> }[] };

let guest = 0;
const bodyOf = (s: Slot) =>
  JSON.stringify({
    resourceId: s.resourceId,
    start: s.start.toISOString(),
    end: s.end.toISOString(),
    guestName: `Booker ${++guest}`,
    guestEmail: `booker-${guest}@example.com`,
  });

/** POSTs a body from `next` on each request; latency percentiles over the answers with status `measured` (all when null). */
async function post(server: Server, next: () => string, connections: number, duration: number, measured: number | null): Promise<Load> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const by: Record<string, number[]> = {};
  const options: DynamicOptions = {
    url: `${server.url}${path}`,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, path, body: next() }) }],
  };
  const r: Result = await autocannon(options).on('response', (_client, status, _bytes, ms) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    const list = by[status] ?? [];
    list.push(ms);
    by[status] = list;
    if (measured === null || status === measured) times.push(ms);
  });
  return {
    requestsPerSecond: r.requests.average,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    requests: r.requests.total,
    statuses,
    latencyBy: Object.fromEntries(Object.entries(by).map(([k, xs]) => [k, { p50: percentile(xs, 50), p99: percentile(xs, 99) }])),
    errors: r.errors + r.timeouts,
  };
}

/** Totem as `npm start` runs it (without the web build nor the demo data) on the generated database. */
async function startTotemOn(loc: Location, dataDir: string): Promise<Server> {
  const port = await freePort();
  return startServer({
    name: 'Totem',
    args: [...startScriptNodeOptions(), 'src/main.ts', 'serve', '--no-seed'],
    port,
    readyPath: '/readyz',
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: loc.dataDir ?? dataDir,
      DATABASE_URL: loc.url ?? '',
      SMTP_URL: '',
      LOG_LEVEL: 'warn',
    },
  });
}

/**
 * Booked units beyond capacity: at the start of every holding booking that overlaps one the
 * benchmark made, the units held then, over the resource's capacity (generated bookings last at
 * most 90 minutes, hence the one-day look-back).
 */
async function countOverlaps(loc: Location): Promise<number> {
  const database = await openAt(loc);
  try {
    return await database.transaction({ system: true }, async (tx) => {
      const r = await tx.execute<{ n: number }>(sql`
        WITH made AS (
          SELECT * FROM bookings WHERE guest_email LIKE 'booker-%' AND status IN ('pending', 'confirmed')
        ), points AS (
          SELECT DISTINCT b.resource_id, b.starts_at AS at FROM made m
          JOIN bookings b ON b.resource_id = m.resource_id AND b.status IN ('pending', 'confirmed')
            AND b.starts_at >= m.starts_at AND b.starts_at < m.blocked_until
        )
        SELECT count(*)::int AS n FROM points p JOIN resources r ON r.id = p.resource_id
        WHERE (SELECT sum(b.units) FROM bookings b
          WHERE b.resource_id = p.resource_id AND b.status IN ('pending', 'confirmed')
            AND b.starts_at <= p.at AND b.starts_at > p.at - interval '1 day' AND b.blocked_until > p.at) > r.capacity`);
      return Number((r as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
    });
  } finally {
    await database.close();
  }
}

/** The contended slots: the same half-hour a week ahead (a day the places open) on four single-unit resources and two coworking areas. */
function contendedSlots(w: Window, resources: GeneratedResource[]): { slots: Slot[]; units: number } {
  let date = addDays(w.today, 7);
  while (weekdayOf(date) === 7) date = addDays(date, 1);
  const start = zonedToInstant(date, '11:30', zone);
  const end = zonedToInstant(date, '12:00', zone);
  const single = resources.filter((r) => r.capacity === 1).slice(0, 4);
  const shared = [8, 20].flatMap((c) => resources.filter((r) => r.capacity === c).slice(0, 1));
  const chosen = [...single, ...shared];
  return { slots: chosen.map((r) => ({ resourceId: r.id, start, end })), units: chosen.reduce((s, r) => s + r.capacity, 0) };
}

export async function creationBench(
  loc: Location,
  w: Window,
  resources: GeneratedResource[],
  opts: { connections: number; duration: number },
): Promise<CreationFigures> {
  const scratch = tempDir('places-http');
  const contended = contendedSlots(w, resources);
  const busy = new Set(contended.slots.map((s) => s.resourceId));
  const free = freeSlots(
    w,
    resources.filter((r) => !busy.has(r.id)),
    1,
    85,
  );
  const nextFree = () => {
    const s = free.next();
    if (s.done) throw new Error('no free slot left');
    return bodyOf(s.value);
  };
  let k = 0;
  const nextContended = () => bodyOf(contended.slots[k++ % contended.slots.length] as Slot);

  let totem: Server | undefined;
  let bare: Server | undefined;
  try {
    totem = await startTotemOn(loc, scratch);
    const first = await fetch(`${totem.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: nextFree() });
    const body = await first.text();
    if (first.status !== 201) throw new Error(`booking: ${first.status} ${body.slice(0, 300)}`);
    const payloadFile = `${scratch}/booking.json`;
    writeFileSync(payloadFile, body);
    const port = await freePort();
    bare = await startServer({
      name: 'bare Fastify',
      args: ['bench/places/bare-fastify.ts'],
      port,
      readyPath: '/healthz',
      env: { PORT: String(port), PAYLOAD_FILE: payloadFile },
    });
    const bareBody = await (
      await fetch(`${bare.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: nextFree() })
    ).text();

    const { connections, duration } = opts;
    // The reference first, then Totem, each warmed up, so both see the machine in the same state.
    await post(bare, nextFree, connections, 1, 201);
    const reference = await post(bare, nextFree, connections, duration, 201);
    console.log(`    bare Fastify POST: ${Math.round(reference.requestsPerSecond)} req/s`);
    await post(totem, nextFree, connections, 1, 201);
    const freeLoad = await post(totem, nextFree, connections, duration, 201);
    console.log(`    Totem POST, free slots: ${Math.round(freeLoad.requestsPerSecond)} req/s ${JSON.stringify(freeLoad.statuses)}`);
    const contendedLoad = await post(totem, nextContended, connections, duration, null);
    console.log(
      `    Totem POST, ${contended.slots.length} contended slots: ${Math.round(contendedLoad.requestsPerSecond)} req/s ${JSON.stringify(contendedLoad.statuses)}`,
    );
    await totem.stop();
    return {
      connections,
      durationSeconds: duration,
      reference,
      free: freeLoad,
      contended: { ...contendedLoad, slots: contended.slots.length, units: contended.units },
      overlaps: await countOverlaps(loc),
      bodyBytes: { totem: Buffer.byteLength(body), reference: Buffer.byteLength(bareBody) },
    };
  } finally {
    await bare?.stop();
    await totem?.stop();
    removeDir(scratch);
  }
}
