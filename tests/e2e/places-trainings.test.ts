/**
 * Trainings in the browser: a member enrols in a session a place manager planned, the manager marks
 * attendance on the roster once the session has started, and the member then holds the
 * qualification. The server's clock is moved forward for the attendance; the browser keeps its own.
 */
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../../src/demo/seed.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import type { Flow } from './helpers.ts';
import { buildWebIfStale, expectHeading, expectNoAxeViolations, screenshot, signInThroughPage, tabTo } from './helpers.ts';
import { dayWithFreeSlots, managerEmail, memberEmail, placesFixture, slug } from './places-fixtures.ts';

const api = `/api/v1/territories/${slug}`;
let offset = 0;
const clock = { now: () => new Date(Date.now() + offset) };

describe('trainings: enrolment, attendance and qualification', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  const contexts: BrowserContext[] = [];
  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 860 }, locale: 'fr-FR' });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    buildWebIfStale();
    t = await createTestApp({ serveWeb: true, clock });
    await seedDemo(t.deps);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    });
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('a member enrols, the manager marks them present, the member holds the qualification', async () => {
    // The manager plans a session starting in two hours, through the API.
    const manager = await t.signIn(managerEmail, demoPassword);
    const name = 'Découpe laser – niveau 1';
    const q = await t.request(manager, { method: 'POST', url: `${api}/qualifications`, payload: { name, validityMonths: 24 } });
    expect(q.statusCode).toBe(201);
    const start = new Date(Date.now() + 2 * 3_600_000);
    const training = await t.request(manager, {
      method: 'POST',
      url: `${api}/trainings`,
      payload: {
        qualificationId: q.json().id,
        start: start.toISOString(),
        end: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
        seats: 4,
        trainer: 'Lucas Bernard',
      },
    });
    expect(training.statusCode).toBe(201);
    const trainingId = training.json().id as string;

    // The member enrols, gives the seat back after confirming, and enrols again.
    const member = await newPage();
    await signInThroughPage(member, memberEmail, demoPassword);
    await member.goto(`/t/${slug}`);
    await member.getByRole('link', { name: 'Formations et habilitations' }).click();
    await expectHeading(member, 'Formations et habilitations');
    const row = member.getByRole('table', { name: 'Sessions de formation à venir' }).getByRole('row').filter({ hasText: name });
    await row.getByText('4 sur 4').waitFor();
    await expectNoAxeViolations(member);
    await row.getByRole('button', { name: /^S’inscrire – Découpe laser/ }).click();
    await member.getByRole('status').filter({ hasText: 'Vous êtes inscrit·e à cette session.' }).waitFor();
    await row.getByText('3 sur 4').waitFor();
    await row.getByRole('button', { name: /^Annuler ma place – / }).click();
    const dialog = member.getByRole('alertdialog', { name: 'Annuler votre inscription ?' });
    await dialog.waitFor();
    await expectNoAxeViolations(member);
    await dialog.getByRole('button', { name: 'Annuler ma place' }).click();
    await member.getByRole('status').filter({ hasText: 'Votre place est libérée.' }).waitFor();
    await row.getByText('4 sur 4').waitFor();
    await row.getByRole('button', { name: /^S’inscrire – / }).click();
    await row.getByText('3 sur 4').waitFor();
    await member.getByRole('region', { name: 'Mes habilitations' }).getByText('Vous n’avez encore aucune habilitation').waitFor();
    await screenshot(member, 'places-trainings-enrolled');

    // The session has started: the manager marks the member present on the roster.
    offset = 3 * 3_600_000;
    const page = await newPage();
    await signInThroughPage(page, managerEmail, demoPassword);
    await page.goto(`/t/${slug}/gestion/lieux`);
    // The bookings of the current filter download as CSV.
    const csv = page.getByRole('link', { name: /^Exporter les réservations en CSV, du / });
    const download = await page.request.get((await csv.getAttribute('href')) ?? '');
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('text/csv');
    await page.getByRole('navigation', { name: 'Gestion des lieux' }).getByRole('link', { name: 'Formations' }).click();
    await expectHeading(page, 'Formations');
    await page.getByRole('link', { name: 'Passées' }).click();
    await page.getByRole('link', { name: /^Liste des inscrit·es – Découpe laser/ }).click();
    await page.waitForURL(`**/gestion/lieux/formations/${trainingId}`);
    await expectHeading(page, 'Liste des inscrit·es');
    const entry = page.getByRole('row').filter({ hasText: 'Louis Girard' });
    await entry.getByText('Inscrit·e').waitFor();
    await expectNoAxeViolations(page);
    await entry.getByRole('button', { name: 'Présent·e – Louis Girard' }).click();
    await page.getByRole('status').filter({ hasText: 'Louis Girard est noté·e présent·e' }).waitFor();
    await entry.getByText(/Habilitation délivrée le/).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-trainings-roster');

    // The member now holds the qualification, valid for two years.
    await member.reload();
    const mine = member.getByRole('table', { name: 'Mes habilitations et leur validité' });
    await mine
      .getByRole('row')
      .filter({ hasText: name })
      .getByText(/Valide jusqu’au/)
      .waitFor();
    await expectNoAxeViolations(member);
    await screenshot(member, 'places-trainings-qualified');
  }, 120_000);

  it('the check-in link shows the server’s answer', async () => {
    const page = await newPage();
    await page.goto('/check-in/aaaaaaaaaaaaaaaaaaaaaaaa');
    await expectHeading(page, 'Arrivée sur place');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Je suis arrivé·e' }).click();
    await page.getByRole('status').getByRole('alert').waitFor();
    await expectNoAxeViolations(page);
  }, 60_000);

  it('books the same slot every week until a date, after listing the dates', async () => {
    offset = 0;
    const flow = { t } as Flow;
    const fx = await placesFixture(flow, demoPassword);
    const { date } = await dayWithFreeSlots(flow, fx.printer.id, 2);
    const page = await newPage();
    await signInThroughPage(page, memberEmail, demoPassword);
    await page.goto(`/t/${slug}/lieux/${fx.place.id}?ressource=${fx.printer.id}&date=${date}`);
    await page.getByRole('button', { name: /Libre/ }).first().click();
    const repeat = page.getByRole('checkbox', { name: /^Répéter chaque semaine/ });
    await repeat.focus();
    await page.keyboard.press('Space');
    expect(await repeat.isChecked()).toBe(true);
    expect(await page.getByRole('button', { name: 'Confirmer la réservation' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Voir les dates' }).click();
    await page
      .getByRole('status')
      .getByText(/disponibles? sur 5\./)
      .waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-series-preview');
    await page.getByRole('button', { name: /^Réserver (les \d+ dates disponibles|la date disponible)$/ }).click();
    await page.locator('.booking-confirmation').getByText('Réservation confirmée').waitFor();
    await expectNoAxeViolations(page);

    // From « Mes réservations », one cancellation for the whole series, chosen with the keyboard.
    const series = await t.request(await t.signIn(memberEmail, demoPassword), { method: 'GET', url: `${api}/my/bookings?pageSize=100` });
    const occurrences = (series.json().items as { seriesId: string | null; status: string }[]).filter(
      (b) => b.seriesId && b.status === 'confirmed',
    );
    await page.goto(`/t/${slug}/mes-reservations`);
    await tabTo(page, page.getByRole('button', { name: new RegExp(`^Annuler – ${fx.printer.name}`) }).first(), 80);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog');
    await tabTo(page, dialog.getByRole('radio', { name: 'Cette réservation seulement' }));
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('radio', { name: 'Toutes les réservations à venir de la série' }).isChecked()).toBe(true);
    await dialog.getByText('Celles dont le délai d’annulation est passé restent réservées.', { exact: false }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-series-cancel');
    await tabTo(page, dialog.getByRole('button', { name: 'Annuler ces réservations' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(`${occurrences.length} réservations de la série annulées.`).waitFor();
    await expect.poll(() => page.getByRole('button', { name: new RegExp(`^Annuler – ${fx.printer.name}`) }).count()).toBe(0);
  }, 60_000);
});
