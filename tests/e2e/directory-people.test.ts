import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../../src/demo/seed.ts';
import { expectHeading, expectNoAxeViolations, type Flow, screenshot, signInThroughPage, startFlow, tabTo } from './helpers.ts';

const adminEmail = 'ines.petit@demo.totem.localhost';

/** Chooses an organisation in a combo box with the keyboard: type part of its name, arrow down to it, Enter. */
async function pickOrganization(page: Page, label: string, typed: string, name: string) {
  const box = page.getByRole('combobox', { name: label });
  await box.focus();
  await box.pressSequentially(typed);
  await page.getByRole('option', { name: new RegExp(name) }).waitFor();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    if (active && (await page.locator(`[id="${active}"]`).textContent())?.startsWith(name)) break;
  }
  await page.keyboard.press('Enter');
  await expect.poll(() => box.inputValue()).toBe(name);
}

describe('a staff member manages people and their affiliations', () => {
  let flow: Flow;
  beforeAll(async () => {
    flow = await startFlow();
    await seedDemo(flow.t.deps);
  }, 120_000);
  afterAll(() => flow?.close());

  it('creates a person, affiliates, edits and ends the affiliation, removes another, then erases the person', async () => {
    const page = await flow.newPage();
    await signInThroughPage(page, adminEmail, demoPassword);
    await page.goto('/t/bethune-bruay/gestion/annuaire/personnes');
    await page.getByRole('table', { name: 'Personnes de l’annuaire' }).waitFor();
    await tabTo(page, page.getByRole('link', { name: 'Nouvelle personne' }));
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Nouvelle personne');
    await expectNoAxeViolations(page);

    // A wrong phone number and language: the server's refusal is shown beside each field, in French.
    await page.getByRole('textbox', { name: 'Prénom' }).fill('Aurélie');
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Vasseur');
    await page.getByRole('textbox', { name: 'E-mail' }).fill('aurelie.vasseur@example.org');
    await page.getByRole('textbox', { name: 'Téléphone' }).fill('appeler le standard');
    await page.getByRole('textbox', { name: /^Compétences/ }).fill('design de services, animation');
    await page.getByRole('textbox', { name: /^Langues/ }).fill('fr, anglais');
    await page.getByRole('group', { name: 'Propose' }).locator('label', { hasText: 'Expertise' }).click();
    await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
    const phone = page.getByRole('textbox', { name: 'Téléphone' });
    await expect.poll(() => phone.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-error').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Numéro invalide'), expect.stringContaining('Langue invalide')]),
    );
    // A public profile needs consent first: the box is disabled until it is given.
    expect(await page.getByRole('checkbox', { name: 'Afficher le profil dans l’annuaire public' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-person-errors-fr');

    await phone.fill('+33 6 12 34 56 78');
    await page.getByRole('textbox', { name: /^Langues/ }).fill('fr, en');
    await page.locator('label', { hasText: 'A consenti à un profil public' }).click();
    await page.locator('label', { hasText: 'Afficher le profil dans l’annuaire public' }).click();
    await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
    await page.getByRole('heading', { level: 2, name: 'Modifier Aurélie Vasseur' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Personne créée.' }).waitFor();
    const personId = new URL(page.url()).pathname.split('/').pop() ?? '';

    // An affiliation, the organisation chosen in the combo box with the keyboard.
    const affiliations = page.getByRole('region', { name: 'Rattachements' });
    await affiliations.getByText('Aucun rattachement.', { exact: false }).waitFor();
    await pickOrganization(page, 'Structure', 'fabri', 'La Fabrique');
    await affiliations.getByRole('textbox', { name: 'Fonction' }).fill('Chargée de projets');
    await affiliations.getByLabel('Date de début').fill('2025-03-01');
    await affiliations.getByRole('button', { name: 'Ajouter le rattachement' }).click();
    await page.getByRole('status').filter({ hasText: 'Rattachement ajouté.' }).waitFor();
    const table = page.getByRole('table', { name: 'Rattachements de la personne' });
    const row = table.getByRole('row').filter({ hasText: 'La Fabrique' });
    expect(await row.textContent()).toContain('Chargée de projets');
    expect(await row.textContent()).toContain('En cours');
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-person-affiliation-fr');

    // Edited: the form takes the focus, the table shows the new role.
    await row.getByRole('button', { name: 'Modifier le rattachement à La Fabrique' }).click();
    const editTitle = page.getByRole('heading', { level: 3, name: 'Modifier le rattachement à La Fabrique' });
    await expect.poll(() => editTitle.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('textbox', { name: 'Fonction' }).fill('Responsable des projets');
    await page.getByRole('button', { name: 'Enregistrer le rattachement' }).click();
    await page.getByRole('status').filter({ hasText: 'Rattachement modifié.' }).waitFor();
    await expect.poll(() => row.textContent()).toContain('Responsable des projets');
    expect(await focusedLabel(page)).toBe('Modifier le rattachement à La Fabrique');

    // Ended at a date chosen in the confirmation.
    await row.getByRole('button', { name: 'Terminer le rattachement à La Fabrique' }).click();
    const endDialog = page.getByRole('alertdialog');
    await endDialog.getByLabel('Date de fin').fill('2026-01-31');
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-person-end-fr');
    await endDialog.getByRole('button', { name: 'Terminer', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Rattachement terminé.' }).waitFor();
    await expect.poll(() => row.textContent()).toContain('Terminé');

    // A second affiliation, removed after confirming; Escape first cancels without removing.
    await pickOrganization(page, 'Structure', 'atl', 'Atlas');
    await affiliations.getByRole('button', { name: 'Ajouter le rattachement' }).click();
    await page.getByRole('status').filter({ hasText: 'Rattachement ajouté.' }).waitFor();
    const remove = table.getByRole('button', { name: 'Retirer le rattachement à Atlas' });
    await remove.click();
    await page.getByRole('alertdialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    expect(await table.getByRole('row').filter({ hasText: 'Atlas' }).count()).toBe(1);
    await remove.click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Retirer', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Rattachement retiré.' }).waitFor();
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Atlas' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // The server holds what the page shows.
    const agent = await flow.t.signIn(adminEmail, demoPassword);
    const url = `/api/v1/territories/bethune-bruay/directory/people/${personId}`;
    const saved = (await flow.t.request(agent, { method: 'GET', url })).json();
    expect(saved).toMatchObject({ phone: '+33 6 12 34 56 78', languages: ['fr', 'en'], offers: ['expertise'], publicProfile: true });
    expect(saved.affiliations).toMatchObject([
      { organization: { name: 'La Fabrique' }, title: 'Responsable des projets', startedOn: '2025-03-01', endedOn: '2026-01-31' },
    ]);

    // Erased from the person's own page, once the word is typed.
    await page.getByRole('button', { name: 'Effacer la personne – Aurélie Vasseur' }).click();
    const dialog = page.getByRole('alertdialog');
    const confirm = dialog.getByRole('button', { name: 'Effacer la personne' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: /saisissez EFFACER/ }).fill('EFFACER');
    await confirm.click();
    await expectHeading(page, 'Personnes');
    await page.getByRole('status').filter({ hasText: 'Données effacées.' }).waitFor();
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').not.toContain('Vasseur');
    await expectNoAxeViolations(page);
    expect((await flow.t.request(agent, { method: 'GET', url })).statusCode).toBe(404);
  }, 120_000);
});

/** The accessible name of the focused element (its aria-label, else its text). */
function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
}
