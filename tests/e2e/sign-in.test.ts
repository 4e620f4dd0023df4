import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, expectNoAxeViolations, type Flow, screenshot, startFlow, tabTo, testPassword } from './helpers.ts';

/** Fills the password form with the keyboard only and submits it with Enter. */
async function typeCredentials(page: Page, email: string, password: string) {
  const form = page.locator('form').first();
  await tabTo(page, form.getByRole('textbox', { name: /Adresse e-mail|E-mail address/ }));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

describe('signing in with a password', () => {
  let flow: Flow;
  beforeAll(async () => {
    flow = await startFlow();
  });
  afterAll(() => flow?.close());

  it('lets an admin in by keyboard, shows their territory and audit log, and signs out', async () => {
    const page = await flow.newPage();
    await page.goto('/');
    await expectHeading(page, 'Territoires');
    await tabTo(page, page.getByRole('link', { name: 'Se connecter' }));
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Connexion');
    expect(await page.title()).toBe('Connexion – Totem');
    await expectNoAxeViolations(page);

    // Nothing typed: each field says what is missing, and the focus goes to the first one.
    await tabTo(page, page.getByRole('button', { name: 'Se connecter', exact: true }));
    await page.keyboard.press('Enter');
    const email = page
      .locator('form')
      .first()
      .getByRole('textbox', { name: /Adresse e-mail/ });
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email');
    expect(await page.locator('form').first().textContent()).toContain('Ce champ est obligatoire.');
    await expectNoAxeViolations(page);

    // A wrong password: the server's French title, in an alert.
    await typeCredentials(page, 'admin@alpha.test', 'not-the-password');
    const alert = page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' });
    await alert.waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'sign-in-error-fr');

    // The right one: the admin lands on their only territory.
    await typeCredentials(page, 'admin@alpha.test', testPassword);
    await page.waitForURL('**/t/alpha');
    await expectHeading(page, 'Alpha');
    const main = page.locator('main');
    await page.getByRole('heading', { name: 'Vos rôles sur ce territoire' }).waitFor();
    expect(await main.textContent()).toContain('Administration');
    expect(await page.getByRole('banner').textContent()).toContain('Alpha admin');
    await expectNoAxeViolations(page);
    await screenshot(page, 'territory-admin-fr');

    // The switcher lists the person's territories first.
    await tabTo(page, page.getByRole('button', { name: /Territoire : Alpha/ }));
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    expect(await menu.textContent()).toMatch(/Mes territoires.*Alpha.*Autres territoires.*Beta/);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    // The audit log, 10 lines a page.
    await tabTo(page, page.getByRole('link', { name: 'Journal d’audit' }));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/t/alpha/audit');
    await expectHeading(page, 'Journal d’audit');
    const table = page.getByRole('table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(10);
    expect(await main.textContent()).toContain('Page 1 sur 2');
    expect(await table.textContent()).toContain('Attribution');
    expect(await page.title()).toBe('Journal d’audit – Alpha – Totem');
    await expectNoAxeViolations(page);
    await screenshot(page, 'audit-fr');

    await tabTo(page, page.getByRole('link', { name: 'Page suivante' }));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/t/alpha/audit?page=2');
    await expect.poll(() => main.textContent()).toContain('Page 2 sur 2');
    // The page number can show before the new rows do: wait for the rows themselves.
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
    const secondPage = await table.locator('tbody tr').count();
    expect(secondPage).toBeLessThanOrEqual(10);
    expect(await page.getByRole('link', { name: 'Page suivante' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // The members, one line per role held in Alpha.
    await page.goto('/t/alpha/members');
    await expectHeading(page, 'Membres et rôles');
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('table').locator('tbody tr').count()).toBe(6);
    expect(await page.getByRole('table').textContent()).toContain('Équipe d’animation');
    await expectNoAxeViolations(page);

    // Sign out: back home, told so, and the admin pages ask to sign in again.
    await tabTo(page, page.getByRole('button', { name: 'Se déconnecter' }));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('status').filter({ hasText: 'Déconnexion effectuée' }).waitFor();
    await page.getByRole('link', { name: 'Se connecter' }).waitFor();
    await expectNoAxeViolations(page);
    await page.goto('/t/alpha/audit');
    await page.getByText('Connectez-vous pour voir cette page.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it('shows the server’s error in English when the interface is in English', async () => {
    const page = await flow.newPage();
    await page.goto('/sign-in');
    await page.locator('.segmented-item[lang="en"]').click();
    await expectHeading(page, 'Sign in');
    await typeCredentials(page, 'member@alpha.test', 'not-the-password');
    await page.getByRole('alert').filter({ hasText: 'Wrong e-mail address or password.' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'sign-in-error-en');
  });

  it('keeps admin pages from people who are not admins, and shows empty states', async () => {
    const root = await flow.t.signIn('root@platform.test');
    const created = await flow.t.request(root, {
      method: 'POST',
      url: '/api/v1/territories',
      payload: { slug: 'gamma', name: 'Gamma', timeZone: 'Europe/Paris' },
    });
    expect(created.statusCode).toBe(201);

    const page = await flow.newPage();
    await page.goto('/sign-in');
    await typeCredentials(page, 'member@alpha.test', testPassword);
    await page.waitForURL('**/t/alpha');
    await page.goto('/t/alpha/audit');
    await page.getByRole('alert').filter({ hasText: 'réservée aux administrateurs' }).waitFor();
    await expectNoAxeViolations(page);

    const rootPage = await flow.newPage();
    await rootPage.goto('/sign-in');
    await typeCredentials(rootPage, 'root@platform.test', testPassword);
    await rootPage.waitForURL((url) => url.pathname === '/');
    await rootPage.goto('/t/gamma');
    await expectHeading(rootPage, 'Gamma');
    expect(await rootPage.locator('main').textContent()).toContain('Aucune thématique n’est encore définie.');
    await rootPage.getByRole('link', { name: 'Membres et rôles' }).click();
    await rootPage.getByText('Personne n’a encore de rôle sur ce territoire.').waitFor();
    await expectNoAxeViolations(rootPage);
  });
});
