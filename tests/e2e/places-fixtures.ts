/**
 * The places the browser flows book: FabLab Calais' public 3D printer and a resource whose
 * bookings wait for a manager's approval. The demo data provides them; when it does not (a data
 * set without places), they are created through the API, as a manager would.
 */
import { expect } from 'vitest';
import type { TAvailability, TBooking, TPlace, TResource } from '../../src/modules/places/places.contract.ts';
import type { Agent } from '../helpers/app.ts';
import type { Flow } from './helpers.ts';

export const slug = 'calaisis';
export const adminEmail = 'camille.martin@demo.totem.localhost';
export const managerEmail = 'lucas.bernard@demo.totem.localhost';
export const memberEmail = 'louis.girard@demo.totem.localhost';
const api = `/api/v1/territories/${slug}`;

export type PlacesFixture = { place: TPlace; printer: TResource; approval: TResource; approvalPlace: TPlace };

async function json<T>(
  flow: Flow,
  agent: Agent | null,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await flow.t.request(agent, {
    method,
    url,
    payload: payload as Record<string, unknown> | undefined,
    headers: { 'accept-language': 'fr' },
  });
  return { status: res.statusCode, body: res.json() as T };
}

const bookable = (r: TResource) => r.isActive && !r.requiredQualification;

/** The fixture, found in the demo data or made for the test. */
export async function placesFixture(flow: Flow, demoPassword: string): Promise<PlacesFixture> {
  const admin = await flow.t.signIn(adminEmail, demoPassword);
  const { body } = await json<{ items: TPlace[] }>(flow, admin, 'GET', `${api}/places`);
  let place = body.items.find(
    (p) =>
      /fablab/i.test(p.name) && p.isPublic && p.resources.some((r) => /3D/i.test(r.name) && r.access.includes('public') && bookable(r)),
  );
  if (!place) {
    const made = await json<TPlace>(flow, admin, 'POST', `${api}/places`, {
      name: 'FabLab Calais – site grand public',
      city: 'Coquelles',
      openingHours: 'Mo-Sa 10:00-19:00',
      isPublic: true,
      descriptionFr: 'Impression 3D pour tous, dans la galerie marchande.',
    });
    expect(made.status).toBe(201);
    const printer = await json<TResource>(flow, admin, 'POST', `${api}/places/${made.body.id}/resources`, {
      kind: 'machine',
      name: 'Imprimante 3D',
      capacity: 1,
      access: ['public'],
    });
    expect(printer.status).toBe(201);
    place = { ...made.body, resources: [printer.body] };
  }
  const printer = place.resources.find((r) => /3D/i.test(r.name) && r.access.includes('public') && bookable(r)) as TResource;
  const all = (await json<{ items: TPlace[] }>(flow, admin, 'GET', `${api}/places`)).body.items;
  const withApproval = (p: TPlace) => p.resources.find((r) => bookable(r) && r.rules.requiresApproval && r.access.includes('member'));
  let approvalPlace = all.find((p) => withApproval(p));
  let approval = approvalPlace ? withApproval(approvalPlace) : undefined;
  if (!approvalPlace || !approval) {
    const made = await json<TResource>(flow, admin, 'POST', `${api}/places/${place.id}/resources`, {
      kind: 'machine',
      name: 'Centre d’essais industriels',
      capacity: 1,
      access: ['member', 'staff'],
      rules: { requiresApproval: true },
    });
    expect(made.status).toBe(201);
    approvalPlace = place;
    approval = made.body;
  }
  return { place, printer, approval, approvalPlace };
}

/** The first local day from tomorrow on (within a week) with at least `count` free slots of the resource. */
export async function dayWithFreeSlots(
  flow: Flow,
  resourceId: string,
  count: number,
): Promise<{ date: string; availability: TAvailability }> {
  for (let offset = 1; offset < 15; offset++) {
    const date = new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const { body } = await json<TAvailability>(flow, null, 'GET', `${api}/resources/${resourceId}/availability?date=${date}&days=1`);
    if (body.slots.filter((s) => s.state === 'free').length >= count) return { date, availability: body };
  }
  throw new Error('no day with free slots in the next two weeks');
}

/** Books `count` requests of the member on a day, through the API, each as short as the resource allows. */
export async function memberRequests(flow: Flow, demoPassword: string, resource: TResource, count: number): Promise<TBooking[]> {
  const member = await flow.t.signIn(memberEmail, demoPassword);
  const { availability } = await dayWithFreeSlots(flow, resource.id, count * 4);
  const step = availability.granularityMinutes;
  const minutes = Math.ceil((resource.rules.minDurationMinutes ?? 30) / step) * step;
  const made: TBooking[] = [];
  for (const slot of availability.slots.filter((s) => s.state === 'free')) {
    if (made.length === count) break;
    const end = new Date(Date.parse(slot.start) + minutes * 60_000).toISOString();
    if (made.some((b) => Date.parse(b.end) > Date.parse(slot.start))) continue;
    const r = await json<TBooking>(flow, member, 'POST', `${api}/bookings`, {
      resourceId: resource.id,
      start: slot.start,
      end,
      note: 'Essai de résistance',
    });
    if (r.status === 201) made.push(r.body);
  }
  expect(made.map((b) => b.status)).toEqual(Array(count).fill('pending'));
  return made;
}

/** Days between two ISO dates. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
