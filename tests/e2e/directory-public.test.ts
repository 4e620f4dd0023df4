import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { expectHeading, expectNoAxeViolations, type Flow, screenshot, startFlow, tabTo } from './helpers.ts';

describe('a visitor of the public directory', () => {
  let flow: Flow;
  beforeAll(async () => {
    flow = await startFlow();
    await seedDemo(flow.t.deps);
  }, 120_000);
  afterAll(() => flow?.close());

  it('searches, filters and opens an organisation with the keyboard, in French', async () => {
    const page = await flow.newPage();
    await page.goto('/t/bethune-bruay');
    await expectHeading(page, 'Béthune-Bruay');
    await page.getByRole('heading', { level: 2, name: 'Chiffres clés' }).waitFor();
    await expect.poll(() => page.locator('main').textContent()).toContain('Structures de l’annuaire');
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-home-fr');

    // To the directory, then a search typed and sent with the keyboard.
    await tabTo(page, page.getByRole('link', { name: 'Consulter l’annuaire' }));
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Annuaire des structures');
    expect(await page.title()).toBe('Annuaire – Béthune-Bruay – Totem');
    await tabTo(page, page.getByRole('textbox', { name: 'Rechercher une structure' }));
    await page.keyboard.type('bethune');
    await page.keyboard.press('Enter');
    await page.waitForURL(/annuaire\?q=bethune/);
    const status = page.getByRole('status').filter({ hasText: /structures? trouvées?/ });
    await status.waitFor();
    const results = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 3 }) });
    await expect.poll(() => results.getByRole('link', { name: 'Ville de Béthune' }).count()).toBe(1);
    // The unfiltered list may still be on screen when the first link appears: wait for the search's own results.
    await expect.poll(() => results.getByRole('link', { name: /Communauté d’agglomération de Béthune-Bruay/ }).count()).toBe(1);
    await expect.poll(() => results.getByRole('link', { name: 'Vivendi' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-search-fr');

    // A facet narrows the results; the URL keeps the query and the filter.
    const before = await status.textContent();
    await page.getByRole('radiogroup', { name: 'Type de structure' }).locator('label', { hasText: 'Collectivité' }).click();
    await page.waitForURL(/kind=public_body/);
    expect(page.url()).toContain('q=bethune');
    await expect.poll(() => status.textContent()).not.toBe(before);
    await expect.poll(() => results.getByRole('link', { name: 'Ville de Béthune' }).count()).toBe(1);
    await expectNoAxeViolations(page);

    // The shared URL gives the same page.
    const shared = await flow.newPage();
    await shared.goto(page.url());
    await shared.getByRole('radio', { name: /Collectivité/, checked: true }).waitFor();

    // The organisation page, reached by keyboard.
    await tabTo(page, results.getByRole('link', { name: 'Ville de Béthune' }), 80);
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Ville de Béthune');
    expect(await page.title()).toBe('Ville de Béthune – Béthune-Bruay – Totem');
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
    expect(ld['@type']).toBe('Organization');
    expect(ld.name).toBe('Ville de Béthune');
    await page.getByRole('heading', { level: 2, name: 'Relations' }).waitFor();
    expect(await page.getByRole('link', { name: 'La Fabrique' }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-organization-fr');

    // Who accompanies whom: tables grouped by kind.
    await page.goto('/t/bethune-bruay/reseau');
    await expectHeading(page, 'Qui accompagne qui ?');
    await page.getByRole('table').first().waitFor();
    expect(await page.getByRole('heading', { level: 2 }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-network-fr');
  }, 60_000);

  it('reads in English and on a phone', async () => {
    const page = await flow.newPage({ locale: 'en-GB', viewport: { width: 360, height: 780 } });
    await page.goto('/t/bethune-bruay');
    await page.locator('.segmented-item[lang="en"]').click();
    await page.goto('/t/bethune-bruay/annuaire?q=fabrique');
    await expectHeading(page, 'Directory of organisations');
    await page
      .getByRole('status')
      .filter({ hasText: /organisations? found/ })
      .waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-search-en-360');
    await page.getByRole('link', { name: 'La Fabrique' }).click();
    await expectHeading(page, 'La Fabrique');
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-organization-en-360');
    await page.goto('/t/bethune-bruay');
    await page.getByRole('heading', { level: 2, name: 'Key figures' }).waitFor();
    await screenshot(page, 'directory-home-en-360');
    await page.goto('/t/bethune-bruay/reseau');
    await page.getByRole('table').first().waitFor();
    await screenshot(page, 'directory-network-en-360');
  }, 60_000);
});
