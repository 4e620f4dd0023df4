/**
 * Booking on behalf of an organisation, in the browser: the « Réserver pour » choice of members
 * with an affiliation, the organisation's shared quota refusing a colleague, and the organisation
 * shown in the booker's and the managers' lists. Territory `alpha` of the test app, no demo data.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TBooking } from '../../src/modules/places/places.contract.ts';
import { systemActor } from '../../src/platform/policy/actor.ts';
import type { Agent } from '../helpers/app.ts';
import {
  expectHeading,
  expectNoAxeViolations,
  type Flow,
  screenshot,
  signInThroughPage,
  startFlow,
  tabTo,
  testPassword,
} from './helpers.ts';

const api = '/api/v1/territories/alpha';
const phone = { width: 360, height: 780 };
const margaux = { email: 'margaux.lefebvre@opale.test', name: 'Margaux Lefebvre' };
const julien = { email: 'julien.caron@opale.test', name: 'Julien Caron' };
const organisation = 'Atelier Opale';

/** A local date in Paris, `days` from today. */
const parisDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + days * 86_400_000));
const tomorrow = parisDay(1);

/** Nothing may stick out sideways on a phone (WCAG 1.4.10, reflow). */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

/** Whether the element has the focus. */
const focused = (page: Page, name: string | RegExp) => page.getByRole('radio', { name }).evaluate((el) => el === document.activeElement);

let flow: Flow;
let staff: Agent;
let placeId: string;
let roomId: string;
let julienAffiliation: string;

async function post<T = { id: string }>(agent: Agent, url: string, payload: object): Promise<T> {
  const res = await flow.t.request(agent, { method: 'POST', url: `${api}${url}`, payload });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

beforeAll(async () => {
  flow = await startFlow();
  // Imported once the app is loaded: the identity module's entry point alone would load the modules in a cycle.
  const { createMembersService } = await import('../../src/modules/identity/index.ts');
  const sys = { actor: systemActor, locale: 'fr' as const, requestId: 'e2e' };
  const members = createMembersService(flow.t.deps);
  for (const p of [margaux, julien])
    await members.grant(sys, 'alpha', { email: p.email, displayName: p.name, role: 'member' }, testPassword);
  staff = await flow.t.signIn(flow.t.emailOf('staff'));
  const org = await post(staff, '/directory/organizations', { kind: 'sme', name: organisation });
  for (const p of [margaux, julien]) {
    const [firstName = '', lastName = ''] = p.name.split(' ');
    const person = await post(staff, '/directory/people', { firstName, lastName, legalBasis: 'contract', email: p.email });
    const affiliation = await post(staff, `/directory/people/${person.id}/affiliations`, { organizationId: org.id });
    if (p === julien) julienAffiliation = affiliation.id;
  }
  const manager = await flow.t.signIn(flow.t.emailOf('place_manager'));
  placeId = (await post(manager, '/places', { name: 'Pépinière Opale', openingHours: 'Mo-Su 08:00-20:00', isPublic: true })).id;
  roomId = (
    await post(manager, `/places/${placeId}/resources`, {
      kind: 'room',
      name: 'Salle de réunion',
      access: ['member', 'staff'],
      rules: { granularityMinutes: 60, minDurationMinutes: 60, maxDurationMinutes: 120, dailyQuotaMinutes: 60, quotaScope: 'organization' },
    })
  ).id;
}, 180_000);
afterAll(() => flow?.close());

/** The meeting room's availability for tomorrow. */
const urlOf = () => `/t/alpha/lieux/${placeId}?ressource=${roomId}&date=${tomorrow}`;

/** Tab to `target`, unless it already has the focus (after a refusal the focus may stay on the button). */
async function reach(page: Page, target: Locator) {
  if (await target.evaluate((el) => el === document.activeElement)) return;
  await tabTo(page, target, 100);
}

describe('booking for one’s organisation', () => {
  it('lets a member book for their organisation with the keyboard on a phone, and lists it as such', async () => {
    const page = await flow.newPage({ viewport: phone });
    await signInThroughPage(page, margaux.email, testPassword);
    await page.goto(urlOf());
    await page.getByRole('heading', { name: 'Disponibilités : Salle de réunion' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: /08:00 – 09:00 Libre/ }), 80);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Votre réservation' }).waitFor();

    // The quota is counted per organisation and Margaux belongs to one: it is chosen for her.
    const group = page.getByRole('radiogroup', { name: 'Réserver pour' });
    await group.waitFor();
    await expect.poll(() => group.getByRole('radio', { name: organisation }).isChecked()).toBe(true);
    expect(await group.textContent()).toContain('Le quota de cette ressource (1\u00a0h par jour) est commun à chaque organisation');
    // One tab stop for the group; the arrows choose, as with any radio group.
    await tabTo(page, group.getByRole('radio', { name: organisation }));
    await page.keyboard.press('ArrowUp');
    expect(await group.getByRole('radio', { name: `Moi-même (${margaux.name})` }).isChecked()).toBe(true);
    expect(await focused(page, `Moi-même (${margaux.name})`)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await group.getByRole('radio', { name: organisation }).isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'places-book-for-fr-360');

    await tabTo(page, page.getByRole('button', { name: 'Confirmer la réservation' }));
    await page.keyboard.press('Enter');
    const confirmation = page.locator('.booking-confirmation');
    await confirmation.getByText('Réservation confirmée').waitFor();
    expect(await confirmation.textContent()).toContain(`Pour le compte de ${organisation}`);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    await tabTo(page, page.getByRole('link', { name: 'Voir mes réservations' }));
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Mes réservations');
    const row = page.getByRole('table', { name: 'Mes réservations à venir' }).getByRole('row').filter({ hasText: 'Salle de réunion' });
    await row.getByRole('cell', { name: organisation }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Réservé pour' }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'places-book-for-mine-fr-360');

    const mine = await flow.t.request(await flow.t.signIn(margaux.email), { method: 'GET', url: `${api}/my/bookings` });
    expect((mine.json().items as TBooking[]).map((b) => b.organization?.name)).toEqual([organisation]);
  }, 120_000);

  it('refuses a colleague past the organisation’s quota, then a lapsed affiliation, at their fields, in English', async () => {
    const page = await flow.newPage({ viewport: phone });
    await page.addInitScript(() => localStorage.setItem('totem.locale', 'en'));
    await signInThroughPage(page, julien.email, testPassword);
    await page.goto(urlOf());
    await page.getByRole('heading', { name: 'Availability: Salle de réunion' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: /10:00 – 11:00 Free/ }), 80);
    await page.keyboard.press('Enter');
    const group = page.getByRole('radiogroup', { name: 'Book for' });
    await expect.poll(() => group.getByRole('radio', { name: organisation }).isChecked()).toBe(true);
    expect(await group.textContent()).toContain('This resource’s quota (1\u00a0h a day) is shared by each organisation');
    await tabTo(page, page.getByRole('button', { name: 'Confirm the booking' }));
    await page.keyboard.press('Enter');

    // Margaux's hour already used Atelier Opale's day: the refusal says it is the organisation's quota.
    await page.getByRole('alert').filter({ hasText: "This booking breaks the resource's rules." }).waitFor();
    const start = page.locator('#booking-start-error');
    expect(await start.textContent()).toBe(
      "Your organisation's quota of 60 minutes a day would be exceeded (60 already booked by its members).",
    );
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'places-book-for-quota-en-360');

    // Meanwhile Julien leaves the organisation: the server refuses to book on its behalf, at the choice.
    const ended = await flow.t.request(staff, {
      method: 'PATCH',
      url: `${api}/directory/affiliations/${julienAffiliation}`,
      payload: { endedOn: parisDay(-1) },
    });
    expect(ended.statusCode).toBe(200);
    await reach(page, page.getByRole('button', { name: 'Confirm the booking' }));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Some of the data is invalid.' }).waitFor();
    await expect.poll(() => group.getAttribute('aria-invalid')).toBe('true');
    expect(await group.locator('.field-error').textContent()).toBe(
      'You may only book on behalf of an organisation you are affiliated with in the directory.',
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-book-for-not-affiliated-en-360');

    // Booking for himself instead, chosen with the arrow keys: his own quota is untouched.
    await reach(page, group.getByRole('radio', { name: organisation }));
    await page.keyboard.press('ArrowUp');
    expect(await group.getByRole('radio', { name: `Myself (${julien.name})` }).isChecked()).toBe(true);
    await tabTo(page, page.getByRole('button', { name: 'Confirm the booking' }));
    await page.keyboard.press('Enter');
    const confirmation = page.locator('.booking-confirmation');
    await confirmation.getByText('Booking confirmed').waitFor();
    expect(await confirmation.textContent()).not.toContain('On behalf of');
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
  }, 120_000);

  it('shows the organisation to the place managers, in the bookings list and the planner', async () => {
    const page = await flow.newPage();
    await signInThroughPage(page, flow.t.emailOf('place_manager'), testPassword);
    await page.goto('/t/alpha/gestion/lieux');
    await expectHeading(page, 'Réservations des lieux');
    const table = page.getByRole('table', { name: 'Réservations et blocages, par date' });
    const rowOf = (name: string) => table.getByRole('row').filter({ hasText: name });
    await rowOf(margaux.name).getByText(`Pour le compte de ${organisation}`).waitFor();
    expect(await rowOf(julien.name).getByText('Pour le compte de').count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-book-for-manager-fr');

    await page.goto(`/t/alpha/gestion/lieux/planning?lieu=${placeId}&date=${tomorrow}`);
    await expectHeading(page, 'Planning des ressources');
    await page.getByText(`${margaux.name}, pour ${organisation}`).waitFor();
    await page.getByText(julien.name, { exact: true }).waitFor();
    await expectNoAxeViolations(page);
  }, 60_000);

  it('offers no such choice to visitors', async () => {
    const page = await flow.newPage();
    await page.goto(urlOf());
    await page.getByRole('button', { name: /Libre/ }).first().click();
    await page.getByRole('textbox', { name: 'Nom et prénom' }).waitFor();
    expect(await page.getByRole('radiogroup', { name: 'Réserver pour' }).count()).toBe(0);
  }, 60_000);
});
