import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPassword } from '../helpers/app.ts';
import { type CallsFixture, callsFixture, confirmIn, fullForm, pdfBytes, slug, submittedThroughApi } from './calls-fixtures.ts';
import { expectHeading, expectNoAxeViolations, type Flow, screenshot, signInThroughPage, startFlow, tabTo } from './helpers.ts';

const api = `/api/v1/territories/${slug}`;
const phone = { width: 360, height: 780 };

/** Nothing may stick out sideways on a phone (WCAG 1.4.10, reflow). */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

describe('applying to a call for projects', () => {
  let flow: Flow;
  let fx: CallsFixture;
  beforeAll(async () => {
    flow = await startFlow();
    fx = await callsFixture(flow);
  }, 180_000);
  afterAll(() => flow?.close());

  it('finds the open call, applies for an organisation, fills every question type and submits after fixing the server’s errors', async () => {
    const page = await flow.newPage();
    await signInThroughPage(page, flow.t.emailOf('member'), testPassword);
    await page.goto(`/t/${slug}`);
    await page.getByRole('region', { name: 'Appels à projets' }).waitFor();
    await tabTo(page, page.getByRole('link', { name: 'Voir les appels à projets' }), 60);
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Appels à projets');
    await page.getByText('Candidatures au fil de l’eau').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'calls-list-fr');

    await page.getByRole('link', { name: 'Appel à projets Mobilités 2027' }).click();
    await expectHeading(page, 'Appel à projets Mobilités 2027');
    for (const text of ['Structures éligibles : Start-up, PME.', 'La structure doit être implantée dans une commune du territoire.'])
      await page.getByText(text).waitFor();
    await page.getByRole('link', { name: 'Règlement de l’appel' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'calls-call-fr');

    // The organisation, chosen with the keyboard among the directory's suggestions.
    await page.getByRole('link', { name: 'Candidater' }).click();
    await expectHeading(page, 'Candidater : Appel à projets Mobilités 2027');
    const org = page.getByRole('combobox', { name: 'Structure représentée' });
    await org.fill('Mobil');
    await page.getByRole('option', { name: 'Mobilidée' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => org.inputValue()).toBe('Mobilidée');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Commencer la candidature' }).click();
    await expectHeading(page, 'Ma candidature');
    await page.getByText('Brouillon', { exact: true }).waitFor();

    // Conditions show and hide a question as the answer changes.
    await page.getByRole('radio', { name: 'Non' }).check({ force: true });
    await page.getByRole('textbox', { name: 'Partenaire local' }).waitFor();
    await page.getByRole('radio', { name: 'Oui' }).check({ force: true });
    await page.getByRole('textbox', { name: 'Partenaire local' }).waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: 'Mobilité' }).check({ force: true });
    await page.getByRole('textbox', { name: 'Budget du projet (€)' }).fill('12 500,50');
    await page.getByRole('textbox', { name: 'Emplois créés' }).fill('3');
    await page.getByLabel('Date de démarrage').fill('2027-03-01');
    await page.getByRole('checkbox', { name: 'Mentorat' }).check({ force: true });
    await page.getByText('Formats acceptés : PDF. Taille maximale : 1 Mo.').waitFor();
    // A file that is not a PDF is refused by the server, and said at the field.
    const deck = page.getByLabel('Présentation du projet');
    await deck.setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
    await page.getByText('Type de fichier refusé : PDF seulement.').waitFor();
    expect(await deck.getAttribute('aria-invalid')).toBe('true');
    await deck.setInputFiles({ name: 'projet.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await page.getByText(/Fichier déposé : projet\.pdf/).waitFor();
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByText('Brouillon enregistré.').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'calls-form-fr');

    // Submitting without the required summary: the server's error at its field, the focus on the summary of errors.
    await page.getByRole('button', { name: 'Déposer la candidature' }).click();
    await confirmIn(page, 'Déposer la candidature');
    const errors = page.locator('.error-summary');
    await errors.waitFor();
    await expect.poll(() => errors.evaluate((el) => el === document.activeElement)).toBe(true);
    const summary = page.getByRole('textbox', { name: 'Résumé du projet' });
    expect(await summary.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    await screenshot(page, 'calls-form-errors-fr');
    await errors.getByRole('link', { name: /Résumé du projet/ }).click();
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Navettes autonomes entre Béthune et Bruay.');
    await page.getByRole('button', { name: 'Déposer la candidature' }).click();
    await confirmIn(page, 'Déposer la candidature');
    await page.getByText('Candidature déposée.').waitFor();
    await page.getByText('Révision déposée : 1').waitFor();

    // Sent in cents, as the server keeps money.
    const id = new URL(page.url()).pathname.split('/').pop() as string;
    const stored = await flow.t.request(fx.member, { method: 'GET', url: `${api}/applications/${id}` });
    expect(stored.json().answers).toMatchObject({ budget: 1_250_050, jobs: 3, start: '2027-03-01', needs: ['mentoring'], resident: 'yes' });
    expect(stored.json().status).toBe('submitted');

    // An edit after submission is a new revision, and the page says so before.
    await page.getByText('Enregistrer des modifications créera la révision 2', { exact: false }).waitFor();
    await page.getByRole('textbox', { name: 'Emplois créés' }).fill('4');
    await page.getByRole('button', { name: 'Enregistrer une nouvelle révision' }).click();
    await confirmIn(page, 'Enregistrer une nouvelle révision');
    await page.getByText('Révision 2 enregistrée.').waitFor();
    await page.getByText('Modifié : Emplois créés.').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'calls-revised-fr');
  });

  it('lists my applications with their status, explains ineligibility, and withdraws after confirmation', async () => {
    const ineligible = await submittedThroughApi(flow, fx, fx.orgs.old);
    const page = await flow.newPage();
    await signInThroughPage(page, flow.t.emailOf('member'), testPassword);
    await page.goto(`/t/${slug}/candidatures`);
    await expectHeading(page, 'Mes candidatures');
    const table = page.getByRole('table', { name: 'Mes candidatures aux appels à projets' });
    await table.getByRole('row', { name: /Appel à projets Mobilités 2027.*Mobilidée.*Déposée/ }).waitFor();
    await table.getByRole('row', { name: /Vieille Forge.*Non éligible/ }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'calls-mine-fr');

    await page.goto(`/t/${slug}/candidatures/${ineligible}`);
    await page.getByText('La vérification automatique a trouvé la candidature non éligible :').waitFor();
    expect(await page.locator('.application-status li').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    // An organisation not yet in the directory is added while applying, with the applicant as its contact.
    await page.goto(`/t/${slug}/appels/mobilite-2027/candidater`);
    await page.getByRole('checkbox', { name: 'Ma structure n’est pas encore dans l’annuaire' }).check({ force: true });
    await page.getByRole('textbox', { name: 'Nom de la structure' }).fill('Vélo Rail Artois');
    await page.getByRole('button', { name: /Type de structure/ }).click();
    await page.getByRole('option', { name: 'Start-up' }).click();
    await page.getByRole('textbox', { name: 'Code INSEE de la commune (facultatif)' }).fill('62119');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Commencer la candidature' }).click();
    await expectHeading(page, 'Ma candidature');
    await page.getByText('Vélo Rail Artois – Appel à projets Mobilités 2027').waitFor();

    await page.goto(`/t/${slug}/candidatures/${ineligible}`);
    await page.getByRole('button', { name: 'Retirer la candidature' }).click();
    await page.getByRole('alertdialog', { name: 'Retirer la candidature ?' }).waitFor();
    await confirmIn(page, 'Retirer la candidature');
    await page.getByText('Retirée', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Retirer la candidature' }).waitFor({ state: 'detached' });
    const after = await flow.t.request(fx.member, { method: 'GET', url: `${api}/applications/${ineligible}` });
    expect(after.json().status).toBe('withdrawn');
    expect(fullForm.sections.length).toBe(2);
  });

  it('works in English on a 360 px phone: the call, the form with an amount typed the English way, and its errors', async () => {
    const page = await flow.newPage({ viewport: phone, locale: 'en-GB' });
    await signInThroughPage(page, flow.t.emailOf('member'), testPassword);
    await page.goto(`/t/${slug}/appels`);
    await expectHeading(page, 'Appels à projets');
    await tabTo(page, page.locator('.segmented-item[lang="fr"]'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await expectHeading(page, 'Calls for projects');
    await page.getByRole('link', { name: 'Mobility 2027 call for projects' }).click();
    await expectHeading(page, 'Mobility 2027 call for projects');
    await page
      .getByText('Eligible organisations: Start-up, SME.')
      .or(page.getByText(/^Eligible organisations:/))
      .waitFor();
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'calls-call-en-360');

    // A draft for the organisation not yet applied for by this person (Inconnue SAS is not theirs: the server says so).
    await page.getByRole('link', { name: 'Apply' }).click();
    await expectHeading(page, 'Apply: Mobility 2027 call for projects');
    const org = page.getByRole('combobox', { name: 'Organisation you represent' });
    await org.click();
    await page.getByRole('option', { name: 'Mobilidée' }).click();
    await page.getByText('This organisation already has an application to this call: you will continue it.').waitFor();
    await page.getByRole('button', { name: 'Continue the application' }).click();
    await expectHeading(page, 'My application');
    await page.getByText('Your application is submitted. Saving changes will create revision 3', { exact: false }).waitFor();
    const budget = page.getByRole('textbox', { name: 'Project budget (€)' });
    await budget.fill('12,500.75');
    await page.getByRole('textbox', { name: 'Jobs created' }).fill('900');
    await page.getByRole('button', { name: 'Save a new revision' }).click();
    await confirmIn(page, 'Save a new revision');
    // The server refuses 900 jobs (at most 500), in English, at its field; the summary takes the focus.
    const errors = page.locator('.error-summary');
    await errors.getByText('Jobs created: At most 500.').waitFor();
    await expect.poll(() => errors.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'calls-form-errors-en-360');
    await page.getByRole('textbox', { name: 'Jobs created' }).fill('12');
    await page.getByRole('button', { name: 'Save a new revision' }).click();
    await confirmIn(page, 'Save a new revision');
    await page.getByText('Revision 3 saved.').waitFor();
    const mine = (await flow.t.request(fx.member, { method: 'GET', url: `${api}/my-applications` })).json().items as Array<{
      organization: { name: string };
      answers: Record<string, unknown>;
    }>;
    expect(mine.find((a) => a.organization.name === 'Mobilidée')?.answers.budget).toBe(1_250_075);
  });
});
