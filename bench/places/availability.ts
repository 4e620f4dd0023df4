/**
 * Availability of a resource-week, over random resources and weeks of the generated window (half of
 * them coming, half past): through the API (`app.inject`: the server's time without the network),
 * beside the availability service called bare (its transaction, territory, resource, place, closures, bookings query and slots,
 * without HTTP, validation nor serialisation), beside the bookings query alone in a transaction.
 */
import { heldIntervals } from '../../src/modules/places/booking-dto.ts';
import { createPlacesServices } from '../../src/modules/places/index.ts';
import { anonymous } from '../../src/platform/policy/actor.ts';
import { addDays, dayRange, startOfDay } from '../../src/platform/time/index.ts';
import { random } from '../directory/generate.ts';
import { percentile } from '../lib/stats.ts';
import { type GeneratedResource, type Window, zone } from './generate.ts';
import type { PlacesApp } from './setup.ts';

const days = 7;
const ctx = { actor: anonymous, locale: 'fr' as const, requestId: 'bench' };

export type AvailabilityFigures = {
  samples: number;
  api: { p50: number; p99: number; max: number };
  service: { p50: number; p99: number; max: number };
  sql: { p50: number; p99: number; max: number };
  /** Bookings the query returned per resource-week, on average. */
  meanBookings: number;
  /** Slots the API answered per resource-week, on average. */
  meanSlots: number;
  /** The API's p50 and p99 by kind of resource-week: single-unit or multi-unit resource, past or coming week. */
  apiBy: Record<string, { samples: number; p50: number; p99: number }>;
};

/** Days from one local date to another. */
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

const summary = (xs: number[]) => ({ p50: percentile(xs, 50), p99: percentile(xs, 99), max: Math.max(...xs) });

/** `samples` random resource-weeks (after a tenth as many for warming up), the same on every run and engine. */
export async function availabilityIn(
  b: PlacesApp,
  w: Window,
  resources: GeneratedResource[],
  samples: number,
): Promise<AvailabilityFigures> {
  const r = random(2024);
  const { availability } = createPlacesServices(b.deps);
  const api: number[] = [];
  const service: number[] = [];
  const query: number[] = [];
  const by: Record<string, number[]> = {};
  let bookings = 0;
  let slots = 0;
  const warmUp = Math.ceil(samples / 10);
  for (let i = -warmUp; i < samples; i++) {
    const resource = r.pick(resources);
    // Half the weeks start in the coming 13 weeks (what visitors look at), half in the past (what managers look back at).
    const past = daysBetween(w.firstDay, w.today);
    const date =
      i % 2 === 0
        ? addDays(w.today, Math.floor(r.next() * (w.weeks * 7 - past - days + 1)))
        : addDays(w.firstDay, Math.floor(r.next() * past));
    let t0 = performance.now();
    const res = await b.app.inject({
      method: 'GET',
      url: `/api/v1/territories/bench/resources/${resource.id}/availability?date=${date}&days=${days}`,
    });
    const apiMs = performance.now() - t0;
    if (res.statusCode !== 200) throw new Error(`availability ${resource.id} ${date}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    t0 = performance.now();
    await availability.availability(ctx, 'bench', resource.id, { date, days });
    const serviceMs = performance.now() - t0;
    const from = startOfDay(date, zone);
    const to = dayRange(addDays(date, days - 1), zone).end;
    t0 = performance.now();
    const rows = await b.deps.database.transaction({ territoryId: b.territoryId }, (tx) => heldIntervals(tx, resource.id, from, to));
    const sqlMs = performance.now() - t0;
    if (i < 0) continue;
    api.push(apiMs);
    const key = `${resource.capacity === 1 ? 'single-unit' : 'multi-unit'}, ${date < w.today ? 'past' : 'coming'} week`;
    const list = by[key] ?? [];
    list.push(apiMs);
    by[key] = list;
    service.push(serviceMs);
    query.push(sqlMs);
    bookings += rows.length;
    slots += (res.json() as { slots: unknown[] }).slots.length;
  }
  return {
    samples,
    api: summary(api),
    service: summary(service),
    sql: summary(query),
    meanBookings: bookings / samples,
    meanSlots: slots / samples,
    apiBy: Object.fromEntries(
      Object.entries(by)
        .sort()
        .map(([k, xs]) => [k, { samples: xs.length, p50: percentile(xs, 50), p99: percentile(xs, 99) }]),
    ),
  };
}
