import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPassword } from '../helpers/app.ts';
import { type CallsFixture, callsFixture, confirmIn, slug, submittedThroughApi } from './calls-fixtures.ts';
import { expectHeading, expectNoAxeViolations, type Flow, screenshot, signInThroughPage, startFlow } from './helpers.ts';

const api = `/api/v1/territories/${slug}`;

/** Chooses `option` in the React Aria select labelled `label`. */
async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('button', { name: new RegExp(label) }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Sets the stage's maximum load per reviewer through its settings, and waits for the stage to show it. */
async function setMaxLoad(page: Page, n: string) {
  await page.getByText('Régler l’étape et sa grille').click();
  await page.getByRole('textbox', { name: 'Dossiers maximum par évaluateur' }).fill(n);
  await page.getByRole('button', { name: 'Enregistrer l’étape' }).click();
  await page.getByText(`1 évaluation(s) par candidature ; de 0 à ${n} dossier(s) par évaluateur.`).waitFor();
}

describe('managing calls for projects', () => {
  let flow: Flow;
  let fx: CallsFixture;
  beforeAll(async () => {
    flow = await startFlow();
    fx = await callsFixture(flow);
    await submittedThroughApi(flow, fx, fx.orgs.young);
    await submittedThroughApi(flow, fx, fx.orgs.stranger, fx.staff);
  }, 180_000);
  afterAll(() => flow?.close());

  it('creates a call with a window in the territory’s zone, builds its form and publishes it', async () => {
    const page = await flow.newPage();
    await signInThroughPage(page, flow.t.emailOf('staff'), testPassword);
    await page.goto(`/t/${slug}`);
    await page.getByRole('link', { name: 'Gérer les appels à projets' }).click();
    await expectHeading(page, 'Gestion des appels à projets');
    await page
      .getByRole('table', { name: 'Appels à projets du territoire' })
      .getByRole('row', { name: /Mobilités 2027.*Publié/ })
      .waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Nouvel appel à projets' }).click();
    await expectHeading(page, 'Nouvel appel à projets');
    await page.getByRole('textbox', { name: 'Identifiant dans l’adresse' }).fill('energie-2027');
    await page.getByRole('textbox', { name: 'Titre (français)' }).fill('Appel Énergie 2027');
    await page.getByRole('textbox', { name: 'Titre (anglais)' }).fill('Energy 2027 call');
    await page.getByRole('checkbox', { name: 'Énergie' }).check({ force: true });
    await page.getByRole('radio', { name: 'Entre deux dates' }).check({ force: true });
    await page.getByLabel('Ouverture').fill('2027-01-15T09:00');
    await page.getByLabel('Clôture').fill('2027-01-10T18:00');
    await page.getByRole('button', { name: 'Ajouter un document' }).click();
    await page.getByRole('textbox', { name: 'Titre du document 1 (français)' }).fill('Règlement');
    await page.getByRole('textbox', { name: 'Titre du document 1 (anglais)' }).fill('Rules');
    await page.getByRole('textbox', { name: 'Adresse web du document 1' }).fill('https://totem.localhost/energie.pdf');
    await page.getByRole('button', { name: 'Créer l’appel' }).click();
    // The server refuses a window that closes before it opens, at the closing field.
    await expect.poll(() => page.getByLabel('Clôture').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    await page.getByLabel('Clôture').fill('2027-03-31T18:00');
    await page.getByRole('button', { name: 'Créer l’appel' }).click();
    await expectHeading(page, 'Appel Énergie 2027');
    await page.getByText('Brouillon', { exact: true }).waitFor();

    // The form builder: a section, a required text question, then an amount.
    await page.getByRole('button', { name: 'Ajouter une section' }).click();
    await page.getByRole('textbox', { name: 'Titre de la section (français)' }).fill('Projet');
    await page.getByRole('textbox', { name: 'Titre de la section (anglais)' }).fill('Project');
    await page.getByRole('button', { name: 'Ajouter une question à « Projet »' }).click();
    await page.getByRole('textbox', { name: 'Intitulé (français)' }).fill('Nom du projet');
    await page.getByRole('textbox', { name: 'Intitulé (anglais)' }).fill('Project name');
    await page.getByRole('checkbox', { name: 'Réponse obligatoire' }).check({ force: true });
    await page.getByRole('button', { name: 'Ajouter une question à « Projet »' }).click();
    const second = page.getByRole('group', { name: /^Question 2/ });
    await second.getByRole('textbox', { name: 'Intitulé (français)' }).fill('Budget');
    await second.getByRole('textbox', { name: 'Intitulé (anglais)' }).fill('Budget');
    await second.getByRole('button', { name: /Type de réponse/ }).click();
    await page.getByRole('option', { name: 'Montant en euros' }).click();
    await second.getByRole('textbox', { name: 'Montant maximal (€)' }).fill('50 000');
    await page.getByRole('button', { name: 'Monter la question « Budget »' }).click();
    await page.getByRole('group', { name: 'Question 1 : Budget' }).waitFor();
    await page.getByRole('button', { name: 'Enregistrer le formulaire' }).click();
    await page.getByText('Formulaire enregistré.').waitFor();
    // The preview draws the form as applicants will see it.
    await page.getByText('Aperçu du formulaire').click();
    const preview = page.locator('.form-preview');
    await preview.getByRole('textbox', { name: 'Nom du projet' }).waitFor();
    await preview.getByRole('textbox', { name: 'Budget (€)' }).fill('1 200,50');
    await expectNoAxeViolations(page);
    await screenshot(page, 'calls-editor-fr');
    const stored = (await flow.t.request(fx.staff, { method: 'GET', url: `${api}/calls/energie-2027/manage` })).json();
    expect(stored.opensLocal).toBe('2027-01-15T09:00');
    expect(stored.opensAt).toBe('2027-01-15T08:00:00.000Z');
    expect(stored.documents).toEqual([{ titleFr: 'Règlement', titleEn: 'Rules', url: 'https://totem.localhost/energie.pdf' }]);
    expect(stored.form.sections[0].questions).toMatchObject([
      { id: 'question_2', type: 'money', maxCents: 5_000_000 },
      { id: 'question_1', type: 'short_text', labelFr: 'Nom du projet', required: true },
    ]);

    // The review stages: one added before the jury, by keyboard, then deleted after confirmation.
    const stages = page.getByRole('region', { name: 'Étapes d’évaluation' });
    await stages.getByRole('listitem').filter({ hasText: '4. Décision' }).waitFor();
    await stages.getByRole('textbox', { name: 'Nom de l’étape (français)' }).fill('Audition');
    await stages.getByRole('textbox', { name: 'Nom de l’étape (anglais)' }).fill('Pitch');
    await stages.getByRole('button', { name: /Place/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Avant « Jury »' }).focus();
    await page.keyboard.press('Enter');
    await stages.getByRole('button', { name: 'Ajouter l’étape' }).press('Enter');
    await stages.getByText('Étape « Audition » ajoutée en position 3.').waitFor();
    await stages.getByRole('listitem').filter({ hasText: '4. Jury' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'calls-stages-fr');
    await stages.getByRole('button', { name: 'Supprimer l’étape « Audition »' }).click();
    await confirmIn(page, 'Supprimer l’étape');
    await stages.getByText('Étape « Audition » supprimée.').waitFor();
    const kept = (await flow.t.request(fx.staff, { method: 'GET', url: `${api}/calls/energie-2027/stages` })).json().items;
    expect(kept.map((x: { nameFr: string }) => x.nameFr)).toEqual(['Présélection', 'Expertise', 'Jury', 'Décision']);

    await page.getByRole('button', { name: 'Publier l’appel' }).click();
    await confirmIn(page, 'Publier l’appel');
    await page.getByText('Publié', { exact: true }).waitFor();
  });

  it('runs the pipeline: advance, panel, infeasible then feasible assignment, pins, ranking, reminders, decision and laureates', async () => {
    const page = await flow.newPage();
    await signInThroughPage(page, flow.t.emailOf('staff'), testPassword);
    await page.goto(`/t/${slug}/gestion/appels/mobilite-2027/candidatures`);
    await expectHeading(page, 'Candidatures : Appel à projets Mobilités 2027');
    const apps = page.getByRole('table', { name: 'Candidatures de l’appel' });
    await apps.getByRole('row', { name: /Mobilidée.*Déposée/ }).waitFor();
    for (const org of ['Mobilidée', 'Inconnue SAS']) await page.getByRole('checkbox', { name: `Choisir ${org}` }).check({ force: true });
    await page.getByRole('button', { name: 'Faire passer 2 candidature(s) à l’étape « Présélection »' }).click();
    await page.getByText('2 candidature(s) passée(s) à l’étape « Présélection ».').waitFor();
    await choose(page, 'Évaluateur à ajouter', /Alpha reviewer/);
    await page.getByRole('button', { name: 'Ajouter au jury' }).click();
    await page.getByRole('button', { name: 'Retirer Alpha reviewer' }).waitFor();

    // Too small a load: the reason is shown, nothing is assigned.
    await setMaxLoad(page, '1');
    await page.getByRole('button', { name: 'Lancer l’affectation' }).click();
    await confirmIn(page, 'Lancer l’affectation');
    await page.getByText('Il faut 2 évaluations', { exact: false }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'calls-pipeline-infeasible-fr');
    await setMaxLoad(page, '5');
    await page.getByRole('button', { name: 'Lancer l’affectation' }).click();
    await confirmIn(page, 'Lancer l’affectation');
    await page.getByText('Affectation faite : 2 évaluation(s).').waitFor();
    await page.getByRole('button', { name: 'Épingler Mobilidée – Alpha reviewer' }).click();
    await page.getByRole('button', { name: 'Ne plus épingler Mobilidée – Alpha reviewer' }).waitFor();
    // Pins and forbidden pairs are read back after a reload; a forbidden pair is listed with its way back.
    await page.getByRole('button', { name: 'Interdire Inconnue SAS – Alpha reviewer' }).click();
    const forbiddenList = page.getByRole('heading', { name: 'Paires interdites pour la prochaine affectation' });
    await forbiddenList.waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Ne plus épingler Mobilidée – Alpha reviewer' }).waitFor();
    await forbiddenList.waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Ne plus interdire Inconnue SAS – Alpha reviewer' }).last().click();
    await forbiddenList.waitFor({ state: 'detached' });

    // One review submitted by the reviewer; the other missing.
    const reviewer = await flow.t.signIn(flow.t.emailOf('reviewer'));
    const queue = (await flow.t.request(reviewer, { method: 'GET', url: `${api}/my-reviews` })).json().items as Array<{
      id: string;
      application: { organizationName: string };
    }>;
    const mine = queue.find((r) => r.application.organizationName === 'Mobilidée');
    const r = (method: 'POST' | 'PUT', url: string, payload?: object) =>
      flow.t.request(reviewer, { method, url: `${api}/reviews/${mine?.id}${url}`, ...(payload ? { payload } : {}) });
    expect((await r('POST', '/declaration', { conflict: false })).statusCode).toBe(200);
    expect((await r('PUT', '', { scores: { fit: 4 }, comment: 'Bien', recommendation: 'yes' })).statusCode).toBe(200);
    expect((await r('POST', '/submit')).statusCode).toBe(200);

    // The call leads to a programme entered by cohorts: selecting asks for the cohort, the next one by default.
    const staffCall = (method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object) =>
      flow.t.request(fx.staff, { method, url: `${api}${url}`, ...(payload ? { payload } : {}) });
    const programme = (
      await staffCall('POST', '/programmes', {
        slug: 'residence-mobilite',
        nameFr: 'Résidence mobilité',
        nameEn: 'Mobility residency',
        kind: 'residency',
        entry: 'cohorts',
        cap: 10,
      })
    ).json();
    expect(programme.id).toBeDefined();
    for (const [name, startsOn, endsOn] of [
      ['Promotion de printemps', '2099-03-01', '2099-05-31'],
      ['Promotion d’automne', '2099-09-01', '2099-11-30'],
    ])
      expect((await staffCall('POST', `/programmes/${programme.id}/cohorts`, { name, startsOn, endsOn })).statusCode).toBe(201);
    expect((await staffCall('PATCH', '/calls/mobilite-2027', { programmeId: programme.id })).statusCode).toBe(200);

    await page.reload();
    const ranking = page.getByRole('table', { name: 'Classement de l’étape' });
    await ranking.getByRole('row', { name: /Mobilidée.*4.*1 transmise\(s\), 0 manquante\(s\)/ }).waitFor();
    await ranking.getByRole('row', { name: /Inconnue SAS.*0 transmise\(s\), 1 manquante\(s\)/ }).waitFor();
    await page.getByRole('button', { name: 'Relancer les évaluateurs' }).click();
    await page.getByText('1 évaluateur(s) relancé(s)', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Décider pour Mobilidée' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Décision pour Mobilidée' });
    await dialog.getByRole('radio', { name: 'Retenue', exact: true }).check({ force: true });
    const cohort = dialog.getByRole('button', { name: /Promotion/ });
    expect(await cohort.textContent()).toContain('Promotion de printemps');
    await cohort.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: /^Promotion d’automne/ }).focus();
    await page.keyboard.press('Enter');
    expect(await cohort.textContent()).toContain('Promotion d’automne');
    await dialog.getByRole('textbox', { name: 'Motif' }).fill('Projet structurant pour le territoire.');
    await expectNoAxeViolations(page);
    await screenshot(page, 'calls-decision-cohort-fr');
    await dialog.getByRole('button', { name: 'Confirmer la décision' }).click();
    await page.getByText('Mobilidée : Retenue. La structure entre dans le programme.').waitFor();
    const enrolled = (await staffCall('GET', `/programmes/${programme.id}/enrolments?status=active`)).json().items;
    expect(enrolled).toHaveLength(1);
    expect(enrolled[0]).toMatchObject({ organization: { name: 'Mobilidée' }, cohort: { name: 'Promotion d’automne' } });
    await page.getByRole('button', { name: 'Publier les lauréats' }).click();
    await confirmIn(page, 'Publier les lauréats');
    await page.getByText('1 lauréat publié.').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'calls-pipeline-fr');

    // The file as staff read it before deciding.
    await apps.getByRole('link', { name: 'Mobilidée' }).click();
    await expectHeading(page, 'Mobilidée');
    await page.getByText('Forge numérique').waitFor();
    await page.getByText('Projet structurant pour le territoire.').waitFor();
    await expectNoAxeViolations(page);

    await page.goto(`/t/${slug}/appels/mobilite-2027`);
    await page.getByRole('heading', { name: 'Lauréats' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Mobilidée' }).waitFor();
  });

  it('lets an administrator invite a reviewer by e-mail onto a panel, with the error at the field', async () => {
    const page = await flow.newPage();
    await signInThroughPage(page, flow.t.emailOf('admin'), testPassword);
    await page.goto(`/t/${slug}/gestion/appels/mobilite-2027/candidatures`);
    await expectHeading(page, 'Candidatures : Appel à projets Mobilités 2027');
    await page.getByRole('heading', { name: 'Inviter un évaluateur' }).waitFor();
    const email = page.getByRole('textbox', { name: 'Adresse e-mail' });
    await email.fill('claire.experte@example');
    await page.getByRole('button', { name: 'Inviter au jury' }).click();
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('textbox', { name: 'Nom (facultatif)' }).fill('Claire Experte');
    await email.fill('claire.experte@example.test');
    await page.getByRole('button', { name: 'Inviter au jury' }).click();
    await page.getByText('Claire Experte (claire.experte@example.test)').waitFor();
    expect(await email.inputValue()).toBe('');
    await expectNoAxeViolations(page);
    expect((await flow.t.smtp.waitFor('claire.experte@example.test')).text).toContain('/sign-in/magic#token=');
  });
});
