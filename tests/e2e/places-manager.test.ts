import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../../src/demo/seed.ts';
import { expectHeading, expectNoAxeViolations, type Flow, screenshot, signInThroughPage, startFlow } from './helpers.ts';
import { dayWithFreeSlots, managerEmail, memberEmail, memberRequests, type PlacesFixture, placesFixture, slug } from './places-fixtures.ts';

describe('the place managers’ bookings, in English', () => {
  let flow: Flow;
  let fx: PlacesFixture;
  beforeAll(async () => {
    flow = await startFlow();
    await seedDemo(flow.t.deps);
    fx = await placesFixture(flow, demoPassword);
  }, 180_000);
  afterAll(() => flow?.close());

  it('approves a pending request, and cancels another with a required reason after confirming', async () => {
    const [first, second] = await memberRequests(flow, demoPassword, fx.approval, 2);
    if (!first || !second) throw new Error('two requests expected');
    const page = await flow.newPage();
    await signInThroughPage(page, managerEmail, demoPassword);
    await page.goto(`/t/${slug}`);
    await page.locator('.segmented-item[lang="en"]').click();
    await page.getByRole('region', { name: 'Places and bookings' }).getByRole('link', { name: 'Manage bookings' }).click();
    await expectHeading(page, 'Place bookings');

    // Only the pending requests, through the filters.
    await page.getByRole('button', { name: /^All statuses/ }).click();
    await page.getByRole('option', { name: 'Awaiting approval' }).click();
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('statut') === 'pending');
    const table = page.getByRole('table', { name: 'Bookings and blockings, by date' });
    await table.waitFor();
    const rows = table.getByRole('row').filter({ hasText: fx.approval.name });
    await expect.poll(() => rows.count()).toBe(2);
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-manager-pending-en');

    const firstRow = rows.nth(0);
    await firstRow.getByRole('button', { name: /^Approve – Louis Girard/ }).click();
    await page.getByRole('status').filter({ hasText: 'Request approved.' }).waitFor();
    await firstRow.getByText('Confirmed').waitFor();

    // Cancelling needs a reason: the confirm button waits for it.
    const secondRow = rows.nth(1);
    await secondRow.getByRole('button', { name: /^Cancel – / }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Cancel this booking?' });
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Cancel the booking' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Reason (required)' }).fill('Machine under maintenance');
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-manager-cancel-dialog-en');
    await confirm.click();
    await page.getByRole('status').filter({ hasText: 'Booking cancelled.' }).waitFor();
    await secondRow.getByText('Cancelled').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'places-manager-done-en');

    // The server recorded both decisions, and the member received the reason.
    const agent = await flow.t.signIn(managerEmail, demoPassword);
    const list = await flow.t.request(agent, {
      method: 'GET',
      url: `/api/v1/territories/${slug}/bookings?resourceId=${fx.approval.id}&pageSize=100`,
    });
    const byId = new Map((list.json().items as { id: string; status: string; cancelReason: string | null }[]).map((b) => [b.id, b]));
    expect(byId.get(first.id)?.status).toBe('confirmed');
    expect(byId.get(second.id)).toMatchObject({ status: 'cancelled', cancelReason: 'Machine under maintenance' });
    await flow.t.deps.mailer.flush();
    expect(flow.t.smtp.mails.some((m) => m.to.includes(memberEmail) && m.text.includes('Machine under maintenance'))).toBe(true);
  }, 120_000);

  it('cancels the rest of a member’s weekly series with a reason, in one confirmation', async () => {
    const { date } = await dayWithFreeSlots(flow, fx.printer.id, 2);
    const member = await flow.t.signIn(memberEmail, demoPassword);
    const made = await flow.t.request(member, {
      method: 'POST',
      url: `/api/v1/territories/${slug}/bookings/series`,
      payload: {
        resourceId: fx.printer.id,
        start: `${date}T16:00`,
        durationMinutes: 30,
        rrule: 'FREQ=WEEKLY;COUNT=3',
        mode: 'commit',
        skipConflicts: true,
      },
    });
    expect(made.statusCode).toBe(201);
    const booked = made.json().booked as { id: string }[];
    expect(booked.length).toBeGreaterThan(1);
    const page = await flow.newPage();
    await signInThroughPage(page, managerEmail, demoPassword);
    await page.goto(`/t/${slug}/gestion/lieux?ressource=${fx.printer.id}&du=${date}`);
    await page.locator('.segmented-item[lang="en"]').click();
    await expectHeading(page, 'Place bookings');
    const row = page.getByRole('row').filter({ hasText: 'Louis Girard' }).filter({ hasText: '16:00' }).first();
    await row.getByRole('button', { name: /^Cancel – / }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Cancel this booking?' });
    await dialog.getByRole('radio', { name: 'All the upcoming bookings of the series' }).check({ force: true });
    await dialog.getByRole('textbox', { name: 'Reason (required)' }).fill('Printer replaced');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Cancel these bookings' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${booked.length} bookings of the series cancelled.` })
      .waitFor();
    const list = await flow.t.request(await flow.t.signIn(managerEmail, demoPassword), {
      method: 'GET',
      url: `/api/v1/territories/${slug}/bookings?resourceId=${fx.printer.id}&pageSize=500`,
    });
    const statuses = (list.json().items as { id: string; status: string; cancelReason: string | null }[]).filter((b) =>
      booked.some((x) => x.id === b.id),
    );
    expect(statuses.map((b) => [b.status, b.cancelReason])).toEqual(booked.map(() => ['cancelled', 'Printer replaced']));
  }, 120_000);

  it('shows the planner and blocks a resource, on a phone', async () => {
    const page = await flow.newPage({ viewport: { width: 360, height: 780 }, locale: 'en-GB' });
    await signInThroughPage(page, managerEmail, demoPassword);
    await page.goto(`/t/${slug}/gestion/lieux/planning`);
    await expectHeading(page, 'Planning des ressources');
    await page.locator('.segmented-item[lang="en"]').click();
    await expectHeading(page, 'Resources planner');
    await page.getByRole('table').getByRole('rowheader', { name: fx.approval.name }).waitFor();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'places-planner-en-360');

    await page.goto(`/t/${slug}/gestion/lieux`);
    await expectHeading(page, 'Place bookings');
    await page.getByRole('button', { name: /^Choose a resource/ }).click();
    await page.getByRole('option', { name: `${fx.place.name} · ${fx.printer.name}` }).click();
    await page.getByRole('button', { name: 'Block', exact: true }).click();
    // No reason: the server's refusal is shown at the field.
    const reason = page.getByRole('textbox', { name: 'Reason' });
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('Nozzle replacement');
    await page.getByRole('button', { name: 'Block', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Blocking saved.' }).waitFor();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'places-manager-blocking-en-360');
  }, 120_000);
});
