/**
 * The places benchmark, on PGlite and on PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL
 * names a server, each on a fresh database filled by the generator (50 places, 500 resources and
 * the bookings):
 *  - availability of a resource-week through the API (`app.inject`) beside the availability service
 *    called bare, over random resources and weeks;
 *  - booking creation over HTTP, without and with contention, beside a bare Fastify endpoint.
 */

import { type Engine, serverUrl } from '../directory/setup.ts';
import { settle } from '../lib/database.ts';
import { type BenchResult, type Row, row, type Target, target } from '../lib/report.ts';
import { type AvailabilityFigures, availabilityIn } from './availability.ts';
import { type CreationFigures, creationBench } from './booking.ts';
import { type Generated, generate } from './generate.ts';
import { createLocation, placesApp } from './setup.ts';

/** The scale, on both engines (a million bookings load in under a minute or two on either). */
export const defaultBookings: Record<Engine, number> = { postgres: 1_000_000, pglite: 1_000_000 };
/** Random resource-weeks measured per engine (after a tenth as many for warming up): p99 is the tenth slowest on PostgreSQL. */
const samples: Record<Engine, number> = { postgres: 1000, pglite: 500 };
/** The target: a resource-week's availability p99 under 20 ms on PostgreSQL with 1,000,000 bookings. */
const availabilityTarget = { bookings: 1_000_000, ms: 20 };

export type PlacesBenchOptions = { bookings?: number; connections: number; duration: number };

type EngineFigures = {
  bookings: number;
  generated: Omit<Generated, 'resources'>;
  availability: AvailabilityFigures;
  creation: CreationFigures;
};

async function measure(engine: Engine, bookings: number, opts: PlacesBenchOptions): Promise<EngineFigures> {
  const loc = await createLocation(engine);
  try {
    const b = await placesApp(loc, true);
    let generated: Generated;
    let availability: AvailabilityFigures;
    try {
      console.log(`  ${engine}: generating ${bookings.toLocaleString('en-US')} bookings…`);
      generated = await generate(b.deps.database, b.territoryId, { bookings, log: console.log });
      await settle(loc.url, 'bookings');
      console.log(`  ${engine}: generated in ${Math.round(generated.seconds.total)} s; availability of ${samples[engine]} resource-weeks…`);
      availability = await availabilityIn(b, generated.window, generated.resources, samples[engine]);
    } finally {
      await b.close();
    }
    console.log(`  ${engine}: booking creation over HTTP…`);
    const creation = await creationBench(loc, generated.window, generated.resources, opts);
    const { resources: _, ...rest } = generated;
    return { bookings, generated: rest, availability, creation };
  } finally {
    await loc.drop();
  }
}

function rowsOf(engine: Engine, f: EngineFigures): { rows: Row[]; targets: Target[] } {
  const at = `${engine}, ${f.bookings.toLocaleString('en-US')} bookings`;
  const a = f.availability;
  const c = f.creation;
  const rows = [
    row(`availability of a resource-week p50, ${at}`, 'ms', a.api.p50, a.service.p50),
    row(`availability of a resource-week p99, ${at}`, 'ms', a.api.p99, a.service.p99),
    row(`booking creation, free slots: throughput, ${at}`, 'req/s', c.free.requestsPerSecond, c.reference.requestsPerSecond),
    row(`booking creation, free slots: latency p50, ${at}`, 'ms', c.free.p50Ms, c.reference.p50Ms),
    row(`booking creation, free slots: latency p99, ${at}`, 'ms', c.free.p99Ms, c.reference.p99Ms),
    row(`booking creation, contended: throughput, ${at}`, 'req/s', c.contended.requestsPerSecond, c.reference.requestsPerSecond),
    row(`booking creation, contended: latency p50, ${at}`, 'ms', c.contended.p50Ms, c.reference.p50Ms),
    row(`booking creation, contended: latency p99, ${at}`, 'ms', c.contended.p99Ms, c.reference.p99Ms),
    row(
      `booking creation, contended: booked (201) of ${c.contended.units} units, ${at}`,
      'requests',
      c.contended.statuses['201'] ?? 0,
      null,
    ),
    row(`booking creation, contended: refused (409), ${at}`, 'requests', c.contended.statuses['409'] ?? 0, null),
    row(`bulk load of the bookings, ${at}`, 's', f.generated.seconds.bookings, null),
  ];
  const targets = [target(`units booked beyond capacity under contention on ${engine}`, c.overlaps, 1, 'overlaps')];
  if (engine === 'postgres' && f.bookings >= availabilityTarget.bookings) {
    targets.push(
      target(
        `availability of a resource-week p99 on PostgreSQL at ${f.bookings.toLocaleString('en-US')} bookings`,
        a.api.p99,
        availabilityTarget.ms,
        'ms',
      ),
    );
  }
  return { rows, targets };
}

/** Problems a run must not hide: a free slot refused, or a contended request answered neither 201 nor 409. */
function check(engine: Engine, f: EngineFigures): void {
  const c = f.creation;
  const odd = (s: Record<string, number>, ok: string[]) => Object.entries(s).filter(([k]) => !ok.includes(k));
  for (const [status, n] of odd(c.free.statuses, ['201'])) console.warn(`  warning: ${engine}: ${n} free-slot bookings answered ${status}`);
  for (const [status, n] of odd(c.contended.statuses, ['201', '409']))
    console.warn(`  warning: ${engine}: ${n} contended bookings answered ${status}`);
  if ((c.contended.statuses['201'] ?? 0) !== c.contended.units)
    console.warn(`  warning: ${engine}: ${c.contended.statuses['201'] ?? 0} contended bookings succeeded for ${c.contended.units} units`);
  if (c.free.errors + c.contended.errors > 0)
    console.warn(`  warning: ${engine}: ${c.free.errors + c.contended.errors} connection errors or timeouts`);
}

export async function placesBench(opts: PlacesBenchOptions): Promise<BenchResult> {
  // PostgreSQL first, in a fresh process: its availability p99 is the target.
  const engines: Engine[] = serverUrl() ? ['postgres', 'pglite'] : ['pglite'];
  const rows: Row[] = [];
  const targets: Target[] = [];
  const details: Record<string, unknown> = { engines, samples, connections: opts.connections, durationSeconds: opts.duration };
  for (const engine of engines) {
    const f = await measure(engine, opts.bookings ?? defaultBookings[engine], opts);
    check(engine, f);
    details[engine] = f;
    const out = rowsOf(engine, f);
    rows.push(...out.rows);
    targets.push(...out.targets);
  }
  return {
    name: 'places',
    title: `Places: availability of a resource-week (API vs service); booking creation over HTTP, ${opts.connections} connections, ${opts.duration} s (autocannon)`,
    reference:
      'availability: the availability service called bare (no HTTP, validation, serialisation); booking creation: a bare Fastify process answering the same POST with 201 and a booking of the same size',
    rows,
    targets,
    details,
  };
}
