import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, expectNoAxeViolations, type Flow, linkFromMail, screenshot, startFlow, tabTo } from './helpers.ts';

describe('signing in with an e-mailed link', () => {
  let flow: Flow;
  beforeAll(async () => {
    flow = await startFlow();
  });
  afterAll(() => flow?.close());

  it('sends a link, which signs the person in once', async () => {
    const page = await flow.newPage();
    await page.goto('/sign-in');
    await expectHeading(page, 'Connexion');
    const linkForm = page.getByRole('region', { name: 'Recevoir un lien de connexion' });
    await tabTo(page, linkForm.getByRole('textbox', { name: /Adresse e-mail/ }));
    await page.keyboard.type('reviewer@alpha.test');
    await page.keyboard.press('Enter');
    await linkForm.getByRole('status').filter({ hasText: 'un lien de connexion vient de lui être envoyé' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'magic-link-sent-fr');

    await flow.t.deps.mailer.flush();
    const mail = await flow.t.smtp.waitFor('reviewer@alpha.test');
    expect(mail.subject).toBe('Votre lien de connexion à Totem');
    const link = linkFromMail(mail.text, flow.baseUrl);
    expect(link).toContain('/sign-in/magic#token=');

    // Open the link with the interface in English: signed in, on the person's territory.
    await page.locator('.segmented-item[lang="en"]').click();
    await expectHeading(page, 'Sign in');
    await page.goto(link);
    await page.waitForURL('**/t/alpha');
    await expectHeading(page, 'Alpha');
    await page.getByRole('heading', { name: 'Your roles in this territory' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Reviewer');
    expect(await page.getByRole('banner').textContent()).toContain('Alpha reviewer');
    expect(page.url()).not.toContain('token');
    await expectNoAxeViolations(page);

    // The same link a second time (another browser, in French) is refused with the server's title.
    const other = await flow.newPage();
    await other.goto(link);
    await other.getByRole('alert').filter({ hasText: 'Ce lien est invalide ou a expiré.' }).waitFor();
    await other.getByRole('link', { name: 'Demander un nouveau lien' }).waitFor();
    expect(await other.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
    await expectNoAxeViolations(other);
  });

  it('explains an incomplete link', async () => {
    const page = await flow.newPage();
    await page.goto('/sign-in/magic');
    await page.getByRole('alert').filter({ hasText: 'Ce lien de connexion est incomplet.' }).waitFor();
    expect(await page.title()).toBe('Connexion par lien – Totem');
    await expectNoAxeViolations(page);
  });
});
