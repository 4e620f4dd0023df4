import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, expectNoAxeViolations, type Flow, screenshot, startFlow, testPassword } from './helpers.ts';

const mobile = { width: 360, height: 740 };

/** Nothing may stick out sideways at 360 px (WCAG 1.4.10, reflow). */
async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(mobile.width);
}

describe('on a 360 px wide phone', () => {
  let flow: Flow;
  beforeAll(async () => {
    flow = await startFlow();
    const admin = await flow.t.signIn('admin@alpha.test');
    await flow.t.request(admin, {
      method: 'PATCH',
      url: '/api/v1/territories/alpha',
      payload: {
        description: 'Territoire d’essai : une pépinière, un FabLab ouvert au public et un appel à projets continu sur six thématiques.',
      },
    });
    for (const [slug, labelFr, labelEn] of [
      ['numerique', 'Numérique', 'Digital'],
      ['industrie-du-futur', 'Industrie du futur', 'Industry of the future'],
      ['economie-circulaire', 'Économie circulaire', 'Circular economy'],
    ]) {
      await flow.t.request(admin, { method: 'POST', url: '/api/v1/territories/alpha/themes', payload: { slug, labelFr, labelEn } });
    }
  });
  afterAll(() => flow?.close());

  it('shows a territory home, the switcher and the forms without sideways scrolling', async () => {
    const page = await flow.newPage({ viewport: mobile });
    await page.goto('/t/alpha');
    await expectHeading(page, 'Alpha');
    await page.getByText('Économie circulaire').waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'mobile-territory-fr');

    await page.getByRole('button', { name: /Territoire : Alpha/ }).click();
    await page.getByRole('menu').waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/totem-e2e/mobile-switcher-fr.png' });
    await page.keyboard.press('Escape');

    await page.goto('/');
    await expectHeading(page, 'Territoires');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'mobile-home-fr');

    await page.goto('/sign-in');
    await expectHeading(page, 'Connexion');
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'mobile-sign-in-fr');

    const form = page.getByRole('region', { name: 'Avec un mot de passe' });
    await form.getByRole('textbox', { name: /Adresse e-mail/ }).fill('admin@alpha.test');
    await form.getByLabel('Mot de passe').fill(testPassword);
    await form.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/t/alpha');
    await page.locator('.segmented-item[lang="en"]').click();
    await page.getByRole('heading', { name: 'Your roles in this territory' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'mobile-territory-admin-en');

    await page.goto('/t/alpha/audit');
    await page.getByRole('table').waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'mobile-audit-en');
  });
});
