import type { Page } from 'playwright-core';
import { create as createQr } from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../../src/demo/seed.ts';
import type { TBooking } from '../../src/modules/places/places.contract.ts';
import { formatPeriod } from '../../web/src/modules/places/places-time.ts';
import { expectHeading, expectNoAxeViolations, type Flow, screenshot, signInThroughPage, startFlow, tabTo } from './helpers.ts';
import { adminEmail, dayWithFreeSlots, managerEmail, memberEmail, type PlacesFixture, placesFixture, slug } from './places-fixtures.ts';

const api = `/api/v1/territories/${slug}`;
const zone = 'Europe/Paris';
const clock = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(iso));
const plusMinutes = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** The server's clock, moved by the flows that need another "now" (a check-in window, a deadline). */
let offset = 0;
const movable = { now: () => new Date(Date.now() + offset) };

/** The dark modules' path that the page draws for a text (the same construction, to compare). */
function qrPath(text: string): string {
  const { modules } = createQr(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let y = 0; y < modules.size; y++)
    for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) parts.push(`M${x + 4} ${y + 4}h1v1h-1z`);
  return parts.join('');
}

/** A booking of the 3D printer by the member, through the API. */
async function bookAsMember(flow: Flow, resourceId: string, slot: { start: string; end: string }): Promise<TBooking> {
  const member = await flow.t.signIn(memberEmail, demoPassword);
  const made = await flow.t.request(member, {
    method: 'POST',
    url: `${api}/bookings`,
    payload: { resourceId, start: slot.start, end: slot.end },
  });
  expect(made.statusCode).toBe(201);
  return made.json() as TBooking;
}

/** Tabs through the open dialog to the free slot starting at `iso`, and chooses it. */
async function chooseSlot(page: Page, iso: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  const slot = dialog.getByRole('button', { name: new RegExp(`${clock(iso)} – .*Libre`) });
  await tabTo(page, slot, 80);
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: /Nouvelle heure de fin/ }).waitFor();
}

describe('moving a booking and checking in with its QR code', () => {
  let flow: Flow;
  let fx: PlacesFixture;
  beforeAll(async () => {
    flow = await startFlow({ clock: movable });
    await seedDemo(flow.t.deps);
    fx = await placesFixture(flow, demoPassword);
  }, 180_000);
  afterAll(() => flow?.close());

  it('moves a booking from “Mes réservations” with the keyboard, showing the conflict, the rule and the deadline where they apply', async () => {
    const member = await flow.t.signIn(memberEmail, demoPassword);
    const { date, availability } = await dayWithFreeSlots(flow, fx.printer.id, 8);
    const free = availability.slots.filter((s) => s.state === 'free');
    const [first, , , target] = free;
    if (!first || !target) throw new Error('free slots expected');
    const booking = await bookAsMember(flow, fx.printer.id, first);

    const page = await flow.newPage();
    await signInThroughPage(page, memberEmail, demoPassword);
    await page.goto(`/t/${slug}/mes-reservations`);
    await expectHeading(page, 'Mes réservations');
    const trigger = page.getByRole('button', {
      name: `Déplacer – ${fx.printer.name}, ${formatPeriod(booking.start, booking.end, 'fr', zone)}`,
    });
    await tabTo(page, trigger, 80);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Déplacer cette réservation' });
    await dialog.waitFor();
    expect(await page.locator('#move-date').inputValue()).toBe(date);
    await dialog.getByRole('button', { name: /Libre/ }).first().waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-move-dialog-fr');

    // Someone else takes the chosen slot before the confirmation: the message is at the slots, which are read again.
    await chooseSlot(page, target.start);
    const other = await flow.t.request(null, {
      method: 'POST',
      url: `${api}/bookings`,
      payload: { resourceId: fx.printer.id, start: target.start, end: target.end, guestName: 'Zoé Rapide', guestEmail: 'zoe@exemple.fr' },
    });
    expect(other.statusCode).toBe(201);
    await tabTo(page, dialog.getByRole('button', { name: 'Confirmer le déplacement' }));
    await page.keyboard.press('Enter');
    const startError = page.locator('#move-start-error');
    await expect.poll(() => startError.textContent()).toBe('Ce créneau vient d’être pris : choisissez-en un autre.');
    expect(await startError.evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog
      .locator('.slot-booked')
      .filter({ hasText: `${clock(target.start)} –` })
      .waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-move-conflict-fr');

    // Beyond the booking horizon (90 days): the slots say so, none is offered.
    let far = new Date(Date.parse(`${date}T12:00:00Z`) + 100 * 86_400_000);
    while (far.getUTCDay() < 2) far = new Date(+far + 86_400_000); // the place opens Tuesday to Saturday
    await page.locator('#move-date').fill(far.toISOString().slice(0, 10));
    await dialog.getByText('Pas encore ouvert à la réservation').first().waitFor();
    expect(await dialog.getByRole('button', { name: /Libre/ }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // A free slot of the same day: moved, the row says so.
    await page.locator('#move-date').fill(date);
    const last = free.at(-1);
    if (!last) throw new Error('a last free slot expected');
    await chooseSlot(page, last.start);
    await tabTo(page, dialog.getByRole('button', { name: 'Confirmer le déplacement' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Réservation déplacée.' }).waitFor();
    const moved = page.getByRole('button', { name: `Déplacer – ${fx.printer.name}, ${formatPeriod(last.start, last.end, 'fr', zone)}` });
    await moved.waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-move-done-fr');
    const mine = await flow.t.request(member, { method: 'GET', url: `${api}/my/bookings?pageSize=100` });
    expect((mine.json().items as TBooking[]).find((b) => b.id === booking.id)).toMatchObject({ start: last.start, end: last.end });

    // Past the deadline (an hour before the start) while the dialog is open: the server refuses, the dialog says why.
    await moved.click();
    await chooseSlot(page, free[1]?.start ?? '');
    offset = Date.parse(last.start) - 30 * 60_000 - Date.now();
    try {
      await dialog.getByRole('button', { name: 'Confirmer le déplacement' }).click();
      await dialog.getByRole('alert').filter({ hasText: 'Le délai pour déplacer cette réservation est dépassé' }).waitFor();
    } finally {
      offset = 0;
    }
    // The focus stayed on the confirm button (the alert is announced): Escape closes the dialog.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Confirmer le déplacement');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await moved.waitFor();
  }, 180_000);

  it('offers the move in English on a phone', async () => {
    const { availability } = await dayWithFreeSlots(flow, fx.printer.id, 2);
    const slot = availability.slots.find((s) => s.state === 'free');
    if (!slot) throw new Error('a free slot expected');
    const booking = await bookAsMember(flow, fx.printer.id, slot);
    const page = await flow.newPage({ viewport: { width: 360, height: 780 }, locale: 'en-GB' });
    await signInThroughPage(page, memberEmail, demoPassword);
    await page.goto(`/t/${slug}/mes-reservations`);
    await page.locator('.segmented-item[lang="en"]').click();
    await expectHeading(page, 'My bookings');
    await page.getByRole('button', { name: `Move – ${fx.printer.name}, ${formatPeriod(booking.start, booking.end, 'en', zone)}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Move this booking' });
    await dialog.getByRole('button', { name: /Free/ }).first().waitFor();
    await dialog.getByText('To change resource, cancel and book again.').waitFor();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'places-move-dialog-en-360');
    await dialog.getByRole('button', { name: 'Keep it as it is' }).click();
    await dialog.waitFor({ state: 'detached' });
  }, 120_000);

  it('shows the check-in QR code after booking, and its link checks the booking in once the window opens', async () => {
    const { date } = await dayWithFreeSlots(flow, fx.printer.id, 2);
    const page = await flow.newPage({ viewport: { width: 360, height: 780 } });
    await signInThroughPage(page, memberEmail, demoPassword);
    await page.goto(`/t/${slug}/lieux/${fx.place.id}?ressource=${fx.printer.id}&date=${date}`);
    await page.getByRole('button', { name: /Libre/ }).first().click();
    const created = page.waitForResponse((r) => r.url().endsWith('/bookings') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Confirmer la réservation' }).click();
    const booking = (await (await created).json()) as TBooking;
    const code = page.getByRole('region', { name: 'Votre code d’arrivée' });
    const when = formatPeriod(booking.start, booking.end, 'fr', zone);
    const image = code.getByRole('img', {
      name: `Code QR du lien d’arrivée pour ${fx.printer.name}, ${when}. Le même lien figure ci-dessous.`,
    });
    await image.waitFor();
    const link = await code.getByRole('textbox', { name: 'Lien d’arrivée' }).inputValue();
    expect(link).toMatch(/\/check-in\/[A-Za-z0-9_-]{20,40}$/);
    // The code encodes exactly the link shown beside it.
    expect(await image.locator('path').getAttribute('d')).toBe(qrPath(link));
    expect(await code.getByRole('link', { name: 'Ouvrir le lien d’arrivée' }).getAttribute('href')).toBe(link);
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'places-check-in-qr-fr-360');

    // Five minutes before the start, on site: the scanned link opens the check-in page.
    offset = Date.parse(plusMinutes(booking.start, -5)) - Date.now();
    try {
      const phone = await flow.newPage({ viewport: { width: 360, height: 780 } });
      await phone.goto(new URL(link).pathname);
      await expectHeading(phone, 'Arrivée sur place');
      await tabTo(phone, phone.getByRole('button', { name: 'Je suis arrivé·e' }));
      await phone.keyboard.press('Enter');
      await phone.getByRole('status').filter({ hasText: 'Arrivée enregistrée' }).waitFor();
      await expectNoAxeViolations(phone);
      await screenshot(phone, 'places-check-in-done-fr-360');
      const manager = await flow.t.signIn(managerEmail, demoPassword);
      const list = await flow.t.request(manager, { method: 'GET', url: `${api}/bookings?resourceId=${fx.printer.id}&pageSize=100` });
      const saved = (list.json().items as TBooking[]).find((b) => b.id === booking.id);
      expect(saved?.checkedInAt).not.toBeNull();
    } finally {
      offset = 0;
    }
  }, 120_000);

  it('shows a new check-in code for a booking already in “Mes réservations”', async () => {
    const { availability } = await dayWithFreeSlots(flow, fx.printer.id, 3);
    const slot = availability.slots.find((x) => x.state === 'free');
    if (!slot) throw new Error('a free slot expected');
    const booking = await bookAsMember(flow, fx.printer.id, slot);
    const page = await flow.newPage();
    await signInThroughPage(page, memberEmail, demoPassword);
    await page.goto(`/t/${slug}/mes-reservations`);
    const ask = page.getByRole('button', {
      name: `Afficher un code d’arrivée – ${fx.printer.name}, ${formatPeriod(booking.start, booking.end, 'fr', zone)}`,
    });
    await tabTo(page, ask, 120);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'il remplace le lien de l’e-mail de confirmation' }).waitFor();
    const code = page.getByRole('region', { name: 'Votre code d’arrivée' });
    const link = await code.getByRole('textbox', { name: 'Lien d’arrivée' }).inputValue();
    expect(await code.getByRole('img').locator('path').getAttribute('d')).toBe(qrPath(link));
    expect(link).not.toBe(booking.checkInUrl);
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-check-in-code-fr');
    // The e-mailed link was replaced: it no longer finds the booking.
    const old = await flow.t.request(null, { method: 'POST', url: `/api/v1/check-in/${String(booking.checkInUrl).split('/').pop()}` });
    expect(old.statusCode).toBe(404);
  }, 120_000);

  it('books the same slot next week from “Mes réservations”, with its check-in code, and says when it is taken', async () => {
    const { availability } = await dayWithFreeSlots(flow, fx.printer.id, 6);
    const free = availability.slots.filter((s) => s.state === 'free');
    const slot = free[Math.floor(free.length / 2)];
    if (!slot) throw new Error('a free slot expected');
    const booking = await bookAsMember(flow, fx.printer.id, slot);
    // No daylight-saving change within the coming weeks of November: a week is 168 hours here.
    const next = { start: plusMinutes(slot.start, 7 * 1440), end: plusMinutes(slot.end, 7 * 1440) };
    const page = await flow.newPage();
    await signInThroughPage(page, memberEmail, demoPassword);
    await page.goto(`/t/${slug}/mes-reservations`);
    const again = page.getByRole('button', {
      name: `Réserver le même créneau la semaine suivante – ${fx.printer.name}, ${formatPeriod(next.start, next.end, 'fr', zone)}`,
    });
    await tabTo(page, again, 120);
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `Nouvelle réservation : ${formatPeriod(next.start, next.end, 'fr', zone)}.` })
      .waitFor();
    await page.getByRole('region', { name: 'Votre code d’arrivée' }).getByRole('img').waitFor();
    await page.getByRole('button', { name: `Déplacer – ${fx.printer.name}, ${formatPeriod(next.start, next.end, 'fr', zone)}` }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-book-again-fr');
    const member = await flow.t.signIn(memberEmail, demoPassword);
    const mine = (await flow.t.request(member, { method: 'GET', url: `${api}/my/bookings?pageSize=100` })).json().items as TBooking[];
    expect(mine.filter((b) => b.start === next.start && b.resource.id === booking.resource.id && b.status === 'confirmed')).toHaveLength(1);

    // The same shortcut again: that slot is now taken (by the booking just made), and the page says so.
    await again.click();
    await page.getByRole('alert').filter({ hasText: 'Ce créneau n’est plus disponible' }).waitFor();
    expect(await page.locator('.focus-target').evaluate((el) => el === document.activeElement)).toBe(true);
  }, 120_000);

  it('tells a visitor who the resource is for when the booking is refused', async () => {
    const admin = await flow.t.signIn(adminEmail, demoPassword);
    const made = await flow.t.request(admin, {
      method: 'POST',
      url: `${api}/places/${fx.place.id}/resources`,
      payload: { kind: 'machine', name: 'Scanner 3D', capacity: 1, access: ['member'] },
    });
    expect(made.statusCode).toBe(201);
    const scanner = made.json() as { id: string };
    const { date } = await dayWithFreeSlots(flow, scanner.id, 2);
    const page = await flow.newPage();
    await page.goto(`/t/${slug}/lieux/${fx.place.id}?ressource=${scanner.id}&date=${date}`);
    await page.getByRole('button', { name: /Libre/ }).first().click();
    await page.getByRole('textbox', { name: 'Nom et prénom' }).fill('Inès Visiteuse');
    await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill('ines@exemple.fr');
    await page.getByRole('button', { name: 'Réserver', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Cette ressource n’est pas réservable par vous.' });
    await alert.getByText('Cette ressource est réservée aux publics suivants : membres.').waitFor();
    await alert.getByText('Si vous êtes membre, connectez-vous pour réserver.').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-booking-refused-fr');
  }, 120_000);
});
