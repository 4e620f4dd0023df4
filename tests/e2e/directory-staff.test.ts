import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../../src/demo/seed.ts';
import { expectHeading, expectNoAxeViolations, type Flow, screenshot, signInThroughPage, startFlow, testPassword } from './helpers.ts';

const staffEmail = 'hugo.durand@demo.totem.localhost';

describe('the staff back office of the directory', () => {
  let flow: Flow;
  beforeAll(async () => {
    flow = await startFlow();
    await seedDemo(flow.t.deps);
  }, 120_000);
  afterAll(() => flow?.close());

  it('creates an organisation (SIRET checked by the server), edits it, and imports a CSV file', async () => {
    const page = await flow.newPage();
    await signInThroughPage(page, staffEmail, demoPassword);
    const agent = await flow.t.signIn(staffEmail, demoPassword);
    const made = await flow.t.request(agent, {
      method: 'POST',
      url: '/api/v1/territories/bethune-bruay/directory/reminders',
      payload: { dueOn: '2020-01-15', note: 'Relancer La Fabrique pour le bilan' },
    });
    expect(made.statusCode).toBe(201);
    await page.goto('/t/bethune-bruay');
    // The reminders due, on the territory's home; ticking one off removes it.
    const reminders = page.getByRole('region', { name: 'Relances à faire' });
    await reminders.getByText('Relancer La Fabrique pour le bilan', { exact: true }).waitFor();
    expect(await reminders.textContent()).toContain('En retard');
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-staff-home-fr');
    await reminders.locator('label', { hasText: 'Marquer comme faite' }).click();
    await reminders.getByText('Aucune relance en attente.').waitFor();
    await page.getByRole('link', { name: 'Gérer l’annuaire' }).click();
    await expectHeading(page, 'Gestion de l’annuaire');
    await page.getByRole('table', { name: 'Structures de l’annuaire' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-staff-list-fr');

    // A wrong SIRET: the server's message is shown under the field.
    await page.getByRole('link', { name: 'Nouvelle structure' }).click();
    await expectHeading(page, 'Nouvelle structure');
    await page.getByRole('textbox', { name: 'Nom' }).fill('Atelier Numérique Béthunois');
    await page.getByRole('textbox', { name: /^SIRET/ }).fill('73282932000075');
    await page.getByRole('textbox', { name: /Code INSEE/ }).fill('62119');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const siret = page.getByRole('textbox', { name: /^SIRET/ });
    await expect.poll(() => siret.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-error').first().textContent()).toContain('SIRET invalide');
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-staff-siret-error-fr');

    // A good one: created, then edited.
    await siret.fill('73282932000074');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Modifier Atelier Numérique Béthunois' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Structure créée.' }).waitFor();
    await page.getByRole('textbox', { name: 'Secteur d’activité' }).fill('Services numériques');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Modifications enregistrées.' }).waitFor();
    await expectNoAxeViolations(page);
    // The follow-up: an interaction recorded on the organisation.
    await page.getByRole('textbox', { name: 'Résumé' }).fill('Premier rendez-vous au cluster');
    await page.getByRole('button', { name: 'Enregistrer l’échange' }).click();
    await page.getByRole('status').filter({ hasText: 'Échange enregistré.' }).waitFor();
    await page.locator('.timeline').getByText('Premier rendez-vous au cluster').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-staff-edit-fr');

    // Import: preview row by row, then commit.
    await page.goto('/t/bethune-bruay/gestion/annuaire/import');
    await expectHeading(page, 'Import et export');
    await page.getByRole('textbox', { name: 'Contenu CSV' }).fill('nom;type;code_insee\nCafé des Start-up;association;62119\n');
    await page.getByRole('button', { name: 'Prévisualiser' }).click();
    const preview = page.getByRole('table', { name: 'Aperçu de l’import, ligne par ligne' });
    await preview.waitFor();
    expect(await preview.textContent()).toContain('Café des Start-up');
    expect(await preview.textContent()).toContain('Création');
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-staff-import-preview-fr');
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '1 ligne importée.' }).waitFor();
    // The imported organisation is in the staff's list (imports are private unless a column says otherwise).
    await page.goto('/t/bethune-bruay/gestion/annuaire?q=cafe');
    await page.getByRole('table').getByRole('link', { name: 'Café des Start-up' }).waitFor();
  }, 90_000);

  it('lets an admin erase a person after typing the confirmation', async () => {
    const page = await flow.newPage();
    await signInThroughPage(page, 'ines.petit@demo.totem.localhost', demoPassword);
    await page.goto('/t/bethune-bruay/gestion/annuaire/personnes');
    const table = page.getByRole('table', { name: 'Personnes de l’annuaire' });
    await table.waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-staff-people-fr');
    const row = table.getByRole('row').filter({ hasText: 'Sophie' }).or(table.getByRole('row').nth(1)).first();
    const name = (await row.getByRole('rowheader').textContent()) ?? '';
    await row.getByRole('button', { name: 'Effacer la personne' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Effacer la personne' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: /saisissez EFFACER/ }).fill('EFFACER');
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-staff-erase-fr');
    await confirm.click();
    await page.getByRole('status').filter({ hasText: 'Données effacées.' }).waitFor();
    // The erased person's name is gone from the list.
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').not.toContain(name.trim());
  }, 60_000);

  it('is closed to a member who is not staff, in English too', async () => {
    const page = await flow.newPage({ viewport: { width: 360, height: 780 } });
    await signInThroughPage(page, 'member@alpha.test', testPassword);
    await page.goto('/t/alpha/gestion/annuaire');
    await page.getByRole('alert').filter({ hasText: 'réservée à l’équipe d’animation' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.locator('.segmented-item[lang="en"]').click();
    await page.getByRole('alert').filter({ hasText: 'for the territory’s staff only' }).waitFor();
    await screenshot(page, 'directory-staff-forbidden-en-360');
  }, 60_000);
});
