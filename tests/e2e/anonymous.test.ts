import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectHeading,
  expectNoAxeViolations,
  type Flow,
  focusedText,
  pressUntilFocused,
  screenshot,
  screenshotDir,
  startFlow,
  tabTo,
} from './helpers.ts';

describe('an anonymous visitor', () => {
  let flow: Flow;
  beforeAll(async () => {
    flow = await startFlow();
    const admin = await flow.t.signIn('admin@alpha.test');
    const res = await flow.t.request(admin, {
      method: 'POST',
      url: '/api/v1/territories/alpha/themes',
      payload: { slug: 'numerique-responsable', labelFr: 'Numérique responsable', labelEn: 'Responsible digital' },
    });
    expect(res.statusCode).toBe(201);
  });
  afterAll(() => flow?.close());

  it('browses the territories with the keyboard, in French then in English', async () => {
    const page = await flow.newPage();
    await page.goto('/');
    await expectHeading(page, 'Territoires');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.title()).toBe('Territoires – Totem');
    await expect.poll(() => page.getByRole('link', { name: 'Alpha' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'Beta' }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'home-fr');

    // The skip link comes first and leads to the main content.
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');

    // The territory switcher: Tab to it, Enter to open, arrows to choose, Enter to go.
    await page.goto('/');
    await expectHeading(page, 'Territoires');
    await tabTo(page, page.getByRole('link', { name: 'Alpha' }));
    await page.screenshot({ path: `${screenshotDir}/focus-card.png` });
    await page.goto('/');
    await expectHeading(page, 'Territoires');
    const switcher = page.getByRole('button', { name: /Choisir un territoire/ });
    await tabTo(page, switcher);
    await page.screenshot({ path: `${screenshotDir}/focus-switcher.png` });
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    expect(await page.getByRole('menu').textContent()).toContain('Tous les territoires');
    await expectNoAxeViolations(page);
    await pressUntilFocused(page, 'ArrowDown', /^Alpha/);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/t/alpha');
    await expectHeading(page, 'Alpha');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
    expect(await page.title()).toBe('Alpha – Totem');
    const main = page.locator('main');
    await expect.poll(() => main.textContent()).toContain('Numérique responsable');
    expect(await main.textContent()).toMatch(/Intercommunalité \(EPCI\).+SIREN 200072460/);
    expect(await main.textContent()).toContain('100');
    expect(await page.getByRole('button', { name: /Territoire : Alpha/ }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'territory-fr');

    // Switch to English with the keyboard: the text changes, <html lang> follows, a reload keeps it.
    // The FR/EN pair is one tab stop (the pressed button); arrows move between the two.
    await tabTo(page, page.locator('.segmented-item[lang="fr"]'));
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('lang'))).toBe('en');
    await page.keyboard.press('Space');
    await page.getByRole('heading', { level: 2, name: 'Themes' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('radio', { name: 'EN – English', checked: true }).count()).toBe(1);
    expect(await main.textContent()).toContain('Responsible digital');
    expect(await main.textContent()).not.toContain('Numérique responsable');
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Themes' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('link', { name: 'Skip to content' }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'territory-en');

    // The accessibility statement, from the footer.
    await page.getByRole('link', { name: /Accessibility: partially compliant/ }).click();
    await expectHeading(page, 'Accessibility statement');
    expect(await page.title()).toBe('Accessibility statement – Totem');
    expect(await main.textContent()).toContain('partially compliant');
    await expectNoAxeViolations(page);

    // Back to French on the same page.
    await page.locator('.segmented-item[lang="fr"]').click();
    await expectHeading(page, 'Déclaration d’accessibilité');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const text = (await main.textContent()) ?? '';
    expect(text).toContain('partiellement conforme');
    expect(text).toContain('axe-core');
    expect(text).toContain('clavier');
    expect(text).toContain('Défenseur des droits');
    expect(text).toMatch(/Déclaration établie le \d+ \S+ \d{4}/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'accessibility-fr');
  });

  it('is told when a page or a territory does not exist', async () => {
    const page = await flow.newPage();
    await page.goto('/nulle-part');
    await expectHeading(page, 'Page introuvable');
    await expectNoAxeViolations(page);
    await page.goto('/t/inconnu');
    await page.getByRole('alert').filter({ hasText: 'Territoire introuvable.' }).waitFor();
    await expectNoAxeViolations(page);
  });
});
