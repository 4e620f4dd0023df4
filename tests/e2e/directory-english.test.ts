import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../../src/demo/seed.ts';
import { expectHeading, expectNoAxeViolations, type Flow, screenshot, signInThroughPage, startFlow, tabTo } from './helpers.ts';

const staffEmail = 'hugo.durand@demo.totem.localhost';
const phone = { width: 360, height: 780 };

/** Nothing may stick out sideways on a phone (WCAG 1.4.10, reflow). */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

describe('the directory back office in English, on a phone', () => {
  let flow: Flow;
  beforeAll(async () => {
    flow = await startFlow();
    await seedDemo(flow.t.deps);
  }, 120_000);
  afterAll(() => flow?.close());

  it('switches language, then shows headings, labels and field errors in English', async () => {
    const page = await flow.newPage({ viewport: phone });
    await signInThroughPage(page, staffEmail, demoPassword);
    await page.goto('/t/bethune-bruay/gestion/annuaire');
    await expectHeading(page, 'Gestion de l’annuaire');
    // The language switch, by keyboard: one tab stop on the current language, an arrow to the other.
    await tabTo(page, page.locator('.segmented-item[lang="fr"]'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await expectHeading(page, 'Directory management');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const nav = page.getByRole('navigation', { name: 'Directory management' });
    for (const link of ['Organisations', 'People', 'Import and export']) await nav.getByRole('link', { name: link }).waitFor();
    await page.getByRole('table', { name: 'Organisations of the directory' }).waitFor();
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'directory-staff-list-en-360');

    // The person form: its labels, and the server's refusal of an e-mail address explained in English.
    await nav.getByRole('link', { name: 'People' }).click();
    await expectHeading(page, 'People');
    await page.getByRole('table', { name: 'People of the directory' }).waitFor();
    await page.getByRole('link', { name: 'New person' }).click();
    await expectHeading(page, 'New person');
    for (const label of ['First name', 'Last name', 'E-mail', 'Phone', /^Skills/, /^Languages/]) {
      await page.getByRole('textbox', { name: label }).waitFor();
    }
    for (const group of ['Offers', 'Looking for']) await page.getByRole('group', { name: group }).waitFor();
    await page.getByRole('button', { name: /Legal basis/ }).waitFor();
    await page.getByRole('checkbox', { name: 'Consented to a public profile' }).waitFor();
    await page.getByRole('textbox', { name: 'First name' }).fill('Paul');
    await page.getByRole('textbox', { name: 'Last name' }).fill('Lefebvre');
    const email = page.getByRole('textbox', { name: 'E-mail' });
    await email.fill('paul.lefebvre-at-example.org');
    await page.getByRole('button', { name: 'Save the person' }).click();
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('alert').filter({ hasText: 'Some of the data is invalid.' }).waitFor();
    const message = await page.locator('.field-error').first().textContent();
    expect(message).toContain('Invalid e-mail address');
    // The message is tied to the field for screen readers.
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    const description = await page.evaluate(
      (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
      describedBy.split(' ').filter(Boolean),
    );
    expect(description).toContain('Invalid e-mail address');
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'directory-person-error-en-360');

    // An organisation's editors: English headings and labels; dates in the wrong order are refused by the server.
    const agent = await flow.t.signIn(staffEmail, demoPassword);
    const url = '/api/v1/territories/bethune-bruay/directory/organizations?q=la%20fabrique';
    const fabrique = (await flow.t.request(agent, { method: 'GET', url })).json().items[0];
    await page.goto(`/t/bethune-bruay/gestion/annuaire/${fabrique.id}`);
    await page.getByRole('heading', { level: 2, name: 'Edit La Fabrique' }).waitFor();
    const relations = page.getByRole('region', { name: 'Relationships with other organisations' });
    await page.getByRole('table', { name: 'Relationships of La Fabrique' }).getByText('Funded by').waitFor();
    const other = relations.getByRole('combobox', { name: 'Other organisation' });
    await other.pressSequentially('aditec');
    await page.getByRole('option', { name: /^Aditec/ }).click();
    await relations.getByLabel('Start date').fill('2025-06-01');
    const end = relations.getByLabel('End date');
    await end.fill('2025-01-01');
    await relations.getByRole('button', { name: 'Add the relationship' }).click();
    await expect.poll(() => end.getAttribute('aria-invalid')).toBe('true');
    expect(await relations.locator('.field-error').textContent()).toContain('The end date cannot precede the start date.');
    const figures = page.getByRole('region', { name: 'Dated figures' });
    await figures.getByRole('table', { name: 'History of the figures' }).waitFor();
    expect(await figures.locator('dl').textContent()).toContain('4 people as of 31 Dec 2025');
    await figures.getByRole('textbox', { name: 'Headcount (number of people)' }).fill('twelve');
    await figures.getByRole('button', { name: 'Add the figure' }).click();
    await figures.locator('.field-error').filter({ hasText: 'Enter a whole number, zero or more.' }).waitFor();
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'directory-organization-editors-en-360');
  }, 90_000);
});
