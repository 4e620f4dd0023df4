import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, expectNoAxeViolations, type Flow, linkFromMail, screenshot, startFlow, tabTo, testPassword } from './helpers.ts';

describe('resetting a forgotten password', () => {
  let flow: Flow;
  beforeAll(async () => {
    flow = await startFlow();
  });
  afterAll(() => flow?.close());

  it('sends a link, sets a new password, and signs in with it', async () => {
    const page = await flow.newPage();
    await page.goto('/sign-in');
    await tabTo(page, page.getByRole('link', { name: 'Mot de passe oublié ?' }));
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Mot de passe oublié');
    await expectNoAxeViolations(page);

    await tabTo(page, page.getByRole('textbox', { name: /Adresse e-mail/ }));
    await page.keyboard.type('staff@alpha.test');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'un lien de réinitialisation vient de lui être envoyé' }).waitFor();
    await expectNoAxeViolations(page);

    await flow.t.deps.mailer.flush();
    const mail = await flow.t.smtp.waitFor('staff@alpha.test');
    expect(mail.subject).toBe('Réinitialiser votre mot de passe Totem');
    const link = linkFromMail(mail.text, flow.baseUrl);
    expect(link).toContain('/reset-password#token=');

    // The new-password page, in English this time.
    await page.locator('.segmented-item[lang="en"]').click();
    await page.goto(link);
    await expectHeading(page, 'New password');
    expect(page.url()).not.toContain('token');
    await expectNoAxeViolations(page);

    const password = page.getByRole('textbox', { name: /^New password/ });
    const confirm = page.getByRole('textbox', { name: /^Confirm the password/ });
    await password.fill('short');
    await confirm.fill('different');
    await page.getByRole('button', { name: 'Save the password' }).click();
    await page.getByText('The password must have at least 10 characters.').waitFor();
    await page.getByText('The two passwords are not the same.').waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    await expectNoAxeViolations(page);
    await screenshot(page, 'reset-errors-en');

    const newPassword = 'un-nouveau-mot-de-passe';
    await password.fill(newPassword);
    await confirm.fill(newPassword);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/sign-in');
    await page.getByRole('status').filter({ hasText: 'Your password has been changed.' }).waitFor();
    await expectNoAxeViolations(page);

    // Back in French: the old password is refused, the new one lets the person in.
    await page.locator('.segmented-item[lang="fr"]').click();
    const form = page.getByRole('region', { name: 'Avec un mot de passe' });
    await form.getByRole('textbox', { name: /Adresse e-mail/ }).fill('staff@alpha.test');
    await form.getByLabel('Mot de passe').fill(testPassword);
    await form.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' }).waitFor();
    await form.getByLabel('Mot de passe').fill(newPassword);
    await form.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/t/alpha');
    await page.getByRole('heading', { name: 'Vos rôles sur ce territoire' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Équipe d’animation');
    await expectNoAxeViolations(page);
  });

  it('explains a link without its token', async () => {
    const page = await flow.newPage();
    await page.goto('/reset-password');
    await page.getByRole('alert').filter({ hasText: 'Ce lien de réinitialisation est incomplet.' }).waitFor();
    await page.getByRole('link', { name: 'Demander un nouveau lien' }).waitFor();
    await expectNoAxeViolations(page);
  });
});
