import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../../src/demo/seed.ts';
import { createPlacesServices } from '../../src/modules/places/index.ts';
import type { TBooking } from '../../src/modules/places/places.contract.ts';
import { expectHeading, expectNoAxeViolations, type Flow, screenshot, signInThroughPage, startFlow, tabTo } from './helpers.ts';
import { adminEmail, dayWithFreeSlots, managerEmail, memberEmail, type PlacesFixture, placesFixture, slug } from './places-fixtures.ts';

const api = `/api/v1/territories/${slug}`;
const zone = 'Europe/Paris';
const clock = (iso: string, locale = 'fr-FR') =>
  new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(iso));
const plusMinutes = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);

/** The server's clock, stopped on the day of the bookings (check-in is for today's bookings), or the real one. */
let fixed: Date | null = null;
const movable = { now: () => fixed ?? new Date() };

type OccupancyItem = { resourceId: string; bookedHours: number; openHours: number; rate: number; bookings: number; noShows: number };

describe('the place managers’ desk: check-in in the planner, occupancy', () => {
  let flow: Flow;
  let fx: PlacesFixture;
  /** The day and time of the arrival recorded by the first flow, read again in English by the second. */
  let arrival: { date: string; at: Date } | null = null;
  beforeAll(async () => {
    flow = await startFlow({ clock: movable });
    await seedDemo(flow.t.deps);
    fx = await placesFixture(flow, demoPassword);
  }, 180_000);
  afterAll(() => flow?.close());

  it('checks in a due booking from the planner with the keyboard on a phone, then reads the occupancy of its week and month', async () => {
    const member = await flow.t.signIn(memberEmail, demoPassword);
    const { date, availability } = await dayWithFreeSlots(flow, fx.printer.id, 4);
    const free = availability.slots.filter((s) => s.state === 'free');
    const [due, later] = [free[0], free.at(-1)];
    if (!due || !later) throw new Error('free slots expected');
    for (const slot of [due, later]) {
      const r = await flow.t.request(member, {
        method: 'POST',
        url: `${api}/bookings`,
        payload: { resourceId: fx.printer.id, start: slot.start, end: slot.end },
      });
      expect(r.statusCode).toBe(201);
    }
    const booking = (
      (await flow.t.request(member, { method: 'GET', url: `${api}/my/bookings?pageSize=100` })).json().items as TBooking[]
    ).find((b) => b.start === due.start && b.resource.id === fx.printer.id);
    if (!booking) throw new Error('the due booking expected');

    // Five minutes after the start, for the server and the browser alike.
    const now = plusMinutes(due.start, 5);
    fixed = now;
    const page = await flow.newPage({ viewport: { width: 360, height: 780 } });
    await page.clock.setFixedTime(now);
    await signInThroughPage(page, managerEmail, demoPassword);
    await page.goto(`/t/${slug}/gestion/lieux/planning?lieu=${fx.place.id}`);
    await expectHeading(page, 'Planning des ressources');
    const button = page.getByRole('button', { name: `Pointer l’arrivée – Louis Girard, ${clock(due.start)} – ${clock(due.end)}` });
    await tabTo(page, button, 80);
    // Only the due booking has the button: the later one of the same day has not started.
    expect(await page.getByRole('button', { name: /^Pointer l’arrivée/ }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.keyboard.press('Enter');
    const arrived = page.locator('.status-arrived');
    await arrived.getByText(`Arrivé·e à ${clock(now.toISOString())}`).waitFor();
    expect(await arrived.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('button', { name: /^Pointer l’arrivée/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'places-planner-check-in-fr-360');
    const manager = await flow.t.signIn(managerEmail, demoPassword);
    const list = await flow.t.request(manager, { method: 'GET', url: `${api}/bookings?resourceId=${fx.printer.id}&pageSize=100` });
    expect((list.json().items as TBooking[]).find((b) => b.id === booking.id)?.checkedInAt).toBe(now.toISOString());
    arrival = { date, at: now };

    // The later booking is never checked in: with a grace period on the printer, the server releases it as a no-show.
    const rules = { ...fx.printer.rules, checkInGraceMinutes: 15 };
    const patched = await flow.t.request(manager, { method: 'PATCH', url: `${api}/resources/${fx.printer.id}`, payload: { rules } });
    expect(patched.statusCode).toBe(200);
    fixed = plusMinutes(later.start, 20);
    expect(await createPlacesServices(flow.t.deps).moves.releaseNoShows()).toBeGreaterThanOrEqual(1);

    // Occupancy, from the managers' navigation: the week of the booking, then its month.
    await tabTo(page, page.getByRole('link', { name: 'Occupation' }));
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Taux d’occupation');
    const table = page.getByRole('table', { name: /^Occupation des ressources du lundi/ });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(fx.printer.name) }) });
    const week = await flow.t.request(manager, { method: 'GET', url: `${api}/occupancy?period=week&date=${date}` });
    const item = (week.json().items as OccupancyItem[]).find((i) => i.resourceId === fx.printer.id);
    if (!item) throw new Error('the printer expected in the occupancy');
    expect(item.noShows).toBeGreaterThanOrEqual(1);
    expect(item.bookings).toBeGreaterThanOrEqual(1);
    const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 }).format(item.rate);
    const hours = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(item.bookedHours);
    await row.getByText(percent).waitFor();
    const cells = row.getByRole('cell');
    expect(await cells.nth(1).textContent()).toContain(`${hours} h`);
    expect(await cells.nth(3).textContent()).toContain(String(item.bookings));
    expect(await cells.nth(4).textContent()).toContain(String(item.noShows));
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'places-occupancy-week-fr-360');

    // The period selector is one tab stop: the arrows move within it, Space chooses.
    await tabTo(page, page.getByRole('radio', { name: /^Semaine/ }));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await page.waitForURL((url) => url.searchParams.get('periode') === 'mois');
    await page
      .getByRole('table', { name: /^Occupation des ressources du (dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi) 1 / })
      .waitFor();
    const csv = page.getByRole('link', { name: /^Exporter les réservations en CSV/ });
    const href = (await csv.getAttribute('href')) ?? '';
    expect(href).toContain('/bookings.csv?');
    const file = await flow.t.request(manager, { method: 'GET', url: href });
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain(fx.printer.name);
    await expectNoAxeViolations(page);

    // A place without resources: the empty state.
    const admin = await flow.t.signIn(adminEmail, demoPassword);
    const empty = await flow.t.request(admin, {
      method: 'POST',
      url: `${api}/places`,
      payload: { name: 'Atelier en projet', city: 'Calais' },
    });
    expect(empty.statusCode).toBe(201);
    await page.reload();
    await page.getByRole('button', { name: /^Tous les lieux/ }).click();
    await page.getByRole('option', { name: 'Atelier en projet' }).click();
    await page.getByText('Aucune ressource à mesurer pour ce lieu.').waitFor();
    await expectNoAxeViolations(page);
    fixed = null;
  }, 180_000);

  it('shows the occupancy and the recorded arrival in English on a phone', async () => {
    const page = await flow.newPage({ viewport: { width: 360, height: 780 }, locale: 'en-GB' });
    await signInThroughPage(page, managerEmail, demoPassword);
    await page.goto(`/t/${slug}/gestion/lieux`);
    await page.locator('.segmented-item[lang="en"]').click();
    await page.getByRole('link', { name: 'Occupancy' }).click();
    await expectHeading(page, 'Occupancy');
    await page
      .getByRole('table', { name: /^Resource occupancy from Monday/ })
      .getByRole('rowheader', { name: new RegExp(fx.printer.name) })
      .waitFor();
    await page.getByRole('columnheader', { name: 'No-shows' }).waitFor();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'places-occupancy-en-360');

    // The planner of the day of the first flow's arrival, in English.
    if (!arrival) throw new Error('the first flow records an arrival');
    await page.goto(`/t/${slug}/gestion/lieux/planning?lieu=${fx.place.id}&date=${arrival.date}`);
    await expectHeading(page, 'Resources planner');
    await page
      .locator('.status-arrived')
      .getByText(`Arrived at ${clock(arrival.at.toISOString(), 'en-GB')}`)
      .waitFor();
    await expectNoAxeViolations(page);
  }, 120_000);
});
