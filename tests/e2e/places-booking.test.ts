import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../../src/demo/seed.ts';
import { expectHeading, expectNoAxeViolations, type Flow, screenshot, signInThroughPage, startFlow, tabTo } from './helpers.ts';
import { daysBetween, dayWithFreeSlots, memberEmail, type PlacesFixture, placesFixture, slug } from './places-fixtures.ts';

const parisToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

/** Presses Shift+Tab until `target` has the focus. */
async function shiftTabTo(page: Page, target: Locator, maxPresses = 20): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Shift+Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`could not reach ${target} with Shift+Tab`);
}

/** The element that has the focus, by its accessible role and name, as a person hears it. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
  });
}

describe('booking a place from the portal', () => {
  let flow: Flow;
  let fx: PlacesFixture;
  beforeAll(async () => {
    flow = await startFlow();
    await seedDemo(flow.t.deps);
    fx = await placesFixture(flow, demoPassword);
  }, 180_000);
  afterAll(() => flow?.close());

  it('lets a visitor book a free 3D printer slot with the keyboard alone, and shows the server’s field errors', async () => {
    const { date } = await dayWithFreeSlots(flow, fx.printer.id, 2);
    const page = await flow.newPage();
    await page.goto(`/t/${slug}`);
    await page.getByRole('region', { name: 'Lieux et réservations' }).waitFor();
    await tabTo(page, page.getByRole('link', { name: 'Découvrir les lieux et réserver' }));
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Lieux');
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-list-fr');

    await tabTo(page, page.getByRole('link', { name: fx.place.name }));
    await page.keyboard.press('Enter');
    await expectHeading(page, fx.place.name);
    await page.getByRole('heading', { name: 'Horaires d’ouverture' }).waitFor();
    await expectNoAxeViolations(page);
    await tabTo(page, page.getByRole('link', { name: `Voir les disponibilités : ${fx.printer.name}` }), 80);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Disponibilités : ${fx.printer.name}` }).waitFor();
    // The day with free slots, by the "next day" button.
    const next = page.getByRole('button', { name: 'Jour suivant' });
    await tabTo(page, next);
    const today = parisToday();
    for (let i = 1; i <= daysBetween(today, date); i++) {
      await page.keyboard.press('Enter');
      const expected = new Date(Date.parse(`${today}T12:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
      await page.waitForURL((url) => url.searchParams.get('date') === expected);
    }
    const free = page.getByRole('button', { name: /Libre/ }).first();
    await free.waitFor();
    await expectNoAxeViolations(page);
    await tabTo(page, free);
    const slotStart = (await free.locator('.slot-time').textContent())?.split('–')[0]?.trim() ?? '';
    await page.keyboard.press('Enter');
    // The form takes the focus; a wrong e-mail comes back from the server, shown at its field.
    await page.getByRole('heading', { name: 'Votre réservation' }).waitFor();
    expect(await focusedName(page)).toBe('Votre réservation');
    await tabTo(page, page.getByRole('textbox', { name: 'Nom et prénom' }));
    await page.keyboard.type('Inès Visiteuse');
    await tabTo(page, page.getByRole('textbox', { name: 'Adresse e-mail' }));
    await page.keyboard.type('ines@');
    await tabTo(page, page.getByRole('button', { name: 'Réserver', exact: true }));
    await page.keyboard.press('Enter');
    const email = page.getByRole('textbox', { name: 'Adresse e-mail' });
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.booking-form .field-error').first().textContent()).toContain('adresse e-mail valide');
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-booking-error-fr');

    // Back to the field with Shift+Tab, as a keyboard user would.
    await shiftTabTo(page, email);
    await page.keyboard.press('End');
    await page.keyboard.type('exemple.fr');
    await tabTo(page, page.getByRole('button', { name: 'Réserver', exact: true }));
    await page.keyboard.press('Enter');
    const confirmation = page.locator('.booking-confirmation');
    await confirmation.getByText('Réservation confirmée').waitFor();
    expect(await confirmation.textContent()).toContain('ines@exemple.fr');
    expect(await confirmation.evaluate((el) => el === document.activeElement)).toBe(true);
    // The slot is now booked in the grid, in words.
    await page
      .locator('.slot-booked')
      .filter({ hasText: `${slotStart} –` })
      .getByText('Réservé')
      .waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-booking-confirmed-fr');
    const mail = await flow.t.smtp.waitFor('ines@exemple.fr');
    expect(mail.text).toContain(fx.printer.name);
  }, 120_000);

  it('lets a member book, find the booking in “Mes réservations”, get the calendar feed and cancel after confirming', async () => {
    const { date } = await dayWithFreeSlots(flow, fx.printer.id, 2);
    const page = await flow.newPage({ viewport: { width: 360, height: 780 } });
    await signInThroughPage(page, memberEmail, demoPassword);
    await page.goto(`/t/${slug}/lieux/${fx.place.id}?ressource=${fx.printer.id}&date=${date}`);
    await page.getByRole('heading', { name: `Disponibilités : ${fx.printer.name}` }).waitFor();
    await page.getByRole('button', { name: /Libre/ }).first().click();
    await page.getByText('Vous réservez au nom de Louis Girard.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Adresse e-mail' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-member-form-fr-360');
    await page.getByRole('button', { name: 'Confirmer la réservation' }).click();
    await page.locator('.booking-confirmation').getByText('Réservation confirmée').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('link', { name: 'Voir mes réservations' }).click();
    await expectHeading(page, 'Mes réservations');
    const table = page.getByRole('table', { name: 'Mes réservations à venir' });
    const row = table.getByRole('row').filter({ hasText: fx.printer.name });
    await row.getByText('Confirmée').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-mine-fr-360');

    // The private calendar feed: its address, shown once, copyable.
    await page.getByRole('button', { name: 'Obtenir l’adresse de mon agenda privé' }).click();
    const url = await page.getByRole('textbox', { name: 'Adresse de votre agenda privé' }).inputValue();
    expect(url).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const ics = await flow.t.app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain(fx.printer.name);

    // Cancelling asks first; keeping it changes nothing.
    await row.getByRole('button', { name: /^Annuler – / }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Annuler cette réservation ?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-mine-cancel-dialog-fr-360');
    await dialog.getByRole('button', { name: 'Ne rien changer' }).click();
    await row.getByText('Confirmée').waitFor();
    await row.getByRole('button', { name: /^Annuler – / }).click();
    await dialog.getByRole('textbox', { name: 'Motif (facultatif)' }).fill('Empêchement');
    await dialog.getByRole('button', { name: 'Annuler la réservation' }).click();
    await page.getByRole('status').filter({ hasText: 'Réservation annulée.' }).waitFor();
    await row.getByText('Annulée').waitFor();
    expect(await row.getByRole('button', { name: /^Annuler – / }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-mine-cancelled-fr-360');
  }, 120_000);

  it('tells a visitor when the chosen slot was taken meanwhile, and refreshes the grid, in the place’s time zone', async () => {
    const { date, availability: before } = await dayWithFreeSlots(flow, fx.printer.id, 4);
    // A browser on the other side of the world still reads the place's local times.
    const context = await flow.browser.newContext({ baseURL: flow.baseUrl, locale: 'fr-FR', timezoneId: 'Pacific/Auckland' });
    const page = await context.newPage();
    await page.goto(`/t/${slug}/lieux/${fx.place.id}?ressource=${fx.printer.id}&date=${date}`);
    const free = page.getByRole('button', { name: /Libre/ }).last();
    await free.waitFor();
    const slotStart = (await free.locator('.slot-time').textContent())?.split('–')[0]?.trim() ?? '';
    const last = before.slots.filter((s) => s.state === 'free').at(-1);
    const paris = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: before.timeZone });
    expect(slotStart).toBe(paris.format(new Date(last?.start ?? 0)));
    await free.click();
    await page.getByRole('textbox', { name: 'Nom et prénom' }).fill('Paul Retardataire');
    await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill('paul@exemple.fr');
    // Someone else books the same slot first.
    const { availability } = await dayWithFreeSlots(flow, fx.printer.id, 4);
    const taken = availability.slots.filter((s) => s.state === 'free').at(-1);
    if (!taken) throw new Error('no free slot');
    const other = await flow.t.request(null, {
      method: 'POST',
      url: `/api/v1/territories/${slug}/bookings`,
      payload: { resourceId: fx.printer.id, start: taken.start, end: taken.end, guestName: 'Zoé Rapide', guestEmail: 'zoe@exemple.fr' },
    });
    expect(other.statusCode).toBe(201);
    await page.getByRole('button', { name: 'Réserver', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Ce créneau n’est plus disponible' }).waitFor();
    await page.getByText('Ce créneau vient d’être réservé par quelqu’un d’autre.').waitFor();
    await page
      .locator('.slot-booked')
      .filter({ hasText: `${slotStart} –` })
      .getByText('Réservé')
      .waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-booking-conflict-fr');
    await context.close();
  }, 60_000);
});
