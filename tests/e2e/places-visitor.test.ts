/**
 * A visitor (no account) manages their booking with the link of its confirmation: from the
 * confirmation on the page, or the e-mail, they see it, move it and cancel it, with the keyboard,
 * on a phone, in French and English; past the deadline the page says why nothing can be changed.
 * Territory `alpha` of the test app, no demo data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TBooking } from '../../src/modules/places/places.contract.ts';
import { formatPeriod } from '../../web/src/modules/places/places-time.ts';
import type { Agent } from '../helpers/app.ts';
import { expectHeading, expectNoAxeViolations, type Flow, screenshot, startFlow, tabTo } from './helpers.ts';

const api = '/api/v1/territories/alpha';
const zone = 'Europe/Paris';
const phone = { width: 360, height: 780 };
const visitor = { guestName: 'Inès Moreau', guestEmail: 'ines.moreau@exemple.fr' };

/** A local date in Paris, `days` from today. */
const parisDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + days * 86_400_000));
/** An instant of a Paris day, from its local time (the offset read from the zone). */
function parisInstant(day: string, time: string): string {
  const guess = new Date(`${day}T${time}:00Z`);
  const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(guess);
  const [h = 0, m = 0] = local.split(':').map(Number);
  const [th = 0, tm = 0] = time.split(':').map(Number);
  return new Date(+guess - ((h - th) * 60 + (m - tm)) * 60_000).toISOString();
}

/** The server's clock, moved forward to pass a booking's deadline. */
let offset = 0;
const movable = { now: () => new Date(Date.now() + offset) };

let flow: Flow;
let manager: Agent;
let placeId: string;
let printerId: string;

async function post<T = { id: string }>(agent: Agent | null, url: string, payload: object): Promise<T> {
  const res = await flow.t.request(agent, { method: 'POST', url: `${api}${url}`, payload });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

beforeAll(async () => {
  flow = await startFlow({ clock: movable });
  manager = await flow.t.signIn(flow.t.emailOf('place_manager'));
  placeId = (await post(manager, '/places', { name: 'FabLab Calais — site public', openingHours: 'Mo-Su 08:00-20:00', isPublic: true })).id;
  printerId = (
    await post(manager, `/places/${placeId}/resources`, {
      kind: 'machine',
      name: 'Imprimante 3D',
      access: ['public'],
      rules: { granularityMinutes: 60, minDurationMinutes: 60, maxDurationMinutes: 120, cancellationDeadlineMinutes: 120 },
    })
  ).id;
}, 180_000);
afterAll(() => flow?.close());

describe('a visitor’s own booking', () => {
  it('books, follows the link of the confirmation, moves and cancels with the keyboard on a phone', async () => {
    const day = parisDay(2);
    const page = await flow.newPage({ viewport: phone });
    page.setDefaultTimeout(15_000);
    await page.goto(`/t/alpha/lieux/${placeId}?ressource=${printerId}&date=${day}`);
    const ten = page.getByRole('button', { name: /10:00 – .*Libre/ });
    await ten.waitFor();
    await tabTo(page, ten, 80);
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('textbox', { name: 'Nom et prénom' }));
    await page.keyboard.type(visitor.guestName);
    await tabTo(page, page.getByRole('textbox', { name: 'Adresse e-mail' }));
    await page.keyboard.type(visitor.guestEmail);
    await tabTo(page, page.getByRole('button', { name: 'Réserver', exact: true }));
    await page.keyboard.press('Enter');
    const confirmation = page.locator('.booking-confirmation');
    await confirmation.getByText('Réservation confirmée').waitFor();
    const manage = confirmation.getByRole('link', { name: 'Déplacer ou annuler cette réservation' });
    const href = (await manage.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/t\/alpha\/reservation\/[A-Za-z0-9_-]{24}$/);
    // The e-mail carries the same link.
    const mail = await flow.t.smtp.waitFor(visitor.guestEmail);
    expect(mail.text).toContain(`Pour voir, déplacer ou annuler votre réservation : http://localhost:3000${href}`);

    await tabTo(page, manage, 60);
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Ma réservation');
    const details = page.getByRole('region', { name: 'Votre réservation' });
    await details.getByText('Imprimante 3D').waitFor();
    await details.getByText('Inès Moreau').waitFor();
    const start = parisInstant(day, '10:00');
    const end = parisInstant(day, '11:00');
    await details.getByText(formatPeriod(start, end, 'fr', zone)).waitFor();
    await details.getByText(`Vous pouvez la déplacer ou l’annuler jusqu’au`).waitFor();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await screenshot(page, 'places-visitor-booking-fr-360');

    // Moved to 15:00 the same day, with the keyboard.
    await tabTo(page, page.getByRole('button', { name: /^Déplacer – Imprimante 3D/ }), 60);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Déplacer cette réservation' });
    const three = dialog.getByRole('button', { name: /15:00 – .*Libre/ });
    await three.waitFor();
    await expectNoAxeViolations(page);
    await tabTo(page, three, 80);
    await page.keyboard.press('Enter');
    await tabTo(page, dialog.getByRole('button', { name: 'Confirmer le déplacement' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Réservation déplacée.' }).waitFor();
    const movedStart = parisInstant(day, '15:00');
    await details.getByText(formatPeriod(movedStart, parisInstant(day, '16:00'), 'fr', zone)).waitFor();
    await expect.poll(() => flow.t.smtp.mails.some((m) => m.subject.startsWith('Réservation déplacée'))).toBe(true);

    // Cancelled after confirming: the page says so, the actions are gone.
    await tabTo(page, page.getByRole('button', { name: /^Annuler – Imprimante 3D/ }), 60);
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor();
    expect(await confirm.getByRole('textbox').count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-visitor-cancel-fr-360');
    await tabTo(page, confirm.getByRole('button', { name: 'Annuler la réservation' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Réservation annulée.' }).waitFor();
    await details.getByText('Cette réservation ne peut plus être modifiée.').waitFor();
    expect(await page.getByRole('button', { name: /^Déplacer/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-visitor-cancelled-fr-360');
    const listed = await flow.t.request(manager, { method: 'GET', url: `${api}/bookings?resourceId=${printerId}` });
    expect((listed.json().items as TBooking[]).map((b) => [b.status, b.start])).toEqual([['cancelled', movedStart]]);
  }, 180_000);

  it('explains in English a link past the deadline and a link that opens nothing', async () => {
    const start = parisInstant(parisDay(1), '09:00');
    const made = await post<TBooking>(null, '/bookings', {
      resourceId: printerId,
      start,
      end: parisInstant(parisDay(1), '10:00'),
      ...visitor,
    });
    const path = new URL(made.manageUrl ?? '').pathname;
    // Half an hour before the start: inside the two hours when the visitor may no longer change it.
    offset = Date.parse(start) - 30 * 60_000 - Date.now();
    const page = await flow.newPage({ viewport: phone, locale: 'en-GB' });
    await page.goto(path);
    await page.locator('.segmented-item[lang="en"]').click();
    await expectHeading(page, 'My booking');
    const details = page.getByRole('region', { name: 'Your booking' });
    await details.getByText('The deadline to move or cancel this booking has passed: contact the place.').waitFor();
    expect(await page.getByRole('button', { name: /^Move|^Cancel/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-visitor-booking-en-360');

    await page.goto('/t/alpha/reservation/AAAAAAAAAAAAAAAAAAAAAAAA');
    await expectHeading(page, 'My booking');
    await page.getByText('This link matches no booking in this territory.', { exact: false }).waitFor();
    await expectNoAxeViolations(page);
    offset = 0;
  }, 120_000);
});
