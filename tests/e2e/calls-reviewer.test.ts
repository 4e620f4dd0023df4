import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPassword } from '../helpers/app.ts';
import { type CallsFixture, callsFixture, confirmIn, slug, submittedThroughApi } from './calls-fixtures.ts';
import { expectHeading, expectNoAxeViolations, type Flow, screenshot, signInThroughPage, startFlow } from './helpers.ts';

const api = `/api/v1/territories/${slug}`;

describe('reviewing applications', () => {
  let flow: Flow;
  let fx: CallsFixture;
  beforeAll(async () => {
    flow = await startFlow();
    fx = await callsFixture(flow);
    const young = await submittedThroughApi(flow, fx, fx.orgs.young);
    const stranger = await submittedThroughApi(flow, fx, fx.orgs.stranger, fx.staff);
    const req = (method: 'GET' | 'POST', url: string, payload?: object) =>
      flow.t.request(fx.staff, { method, url: `${api}${url}`, ...(payload ? { payload } : {}) });
    const stage = (await req('GET', '/calls/mobilite-2027/stages')).json().items[0];
    expect((await req('POST', `/stages/${stage.id}/advance`, { applicationIds: [young, stranger] })).statusCode).toBe(200);
    const reviewers = (await req('GET', '/reviewers')).json().items as Array<{ userId: string; email: string }>;
    const reviewer = reviewers.find((r) => r.email === flow.t.emailOf('reviewer'));
    expect((await req('POST', `/stages/${stage.id}/panel`, { userId: reviewer?.userId })).statusCode).toBe(200);
    const assigned = await req('POST', `/stages/${stage.id}/assignment`);
    expect(assigned.statusCode, assigned.body).toBe(200);
  }, 180_000);
  afterAll(() => flow?.close());

  it('declares no conflict, reads the file, scores with the rubric and submits; declares a conflict on another', async () => {
    const page = await flow.newPage();
    await signInThroughPage(page, flow.t.emailOf('reviewer'), testPassword);
    await page.goto(`/t/${slug}`);
    await page.getByRole('link', { name: 'Mes évaluations' }).click();
    await expectHeading(page, 'Mes évaluations');
    const queue = page.getByRole('table', { name: 'Appel à projets Mobilités 2027 – Présélection' });
    await queue.getByRole('row', { name: /Mobilidée.*À commencer.*À faire/ }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'calls-review-queue-fr');

    // The declaration comes before the file: the answers are not shown yet.
    await queue.getByRole('link', { name: 'Mobilidée' }).click();
    await expectHeading(page, 'Évaluation : Mobilidée');
    await page.getByRole('heading', { name: 'Déclaration de conflit d’intérêts' }).waitFor();
    expect(await page.getByText('Navettes', { exact: false }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Envoyer la déclaration' }).click();
    await page.getByText('Choisissez une réponse.').waitFor();
    await page.getByRole('radio', { name: 'Je n’ai aucun conflit d’intérêts' }).check({ force: true });
    await page.getByRole('button', { name: 'Envoyer la déclaration' }).click();

    // The file, then the rubric.
    await page.getByRole('heading', { name: 'Dossier (révision 1)' }).waitFor();
    await page.getByText('Forge numérique').waitFor();
    await page.getByText('1 000,00 €').waitFor();
    const fit = page
      .getByRole('radiogroup', { name: 'Adéquation à l’appel (coefficient 1, note de 0 à 5)' })
      .or(page.getByRole('radiogroup', { name: "Adéquation à l'appel (coefficient 1, note de 0 à 5)" }));
    await fit.getByRole('radio', { name: '4' }).check({ force: true });
    await page.getByRole('textbox', { name: 'Commentaire' }).fill('Projet solide, équipe à renforcer.');
    await page.getByRole('radio', { name: 'Oui, à retenir' }).check({ force: true });
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Évaluation enregistrée.').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'calls-review-fr');
    await page.getByRole('button', { name: 'Transmettre l’évaluation' }).click();
    await confirmIn(page, 'Transmettre l’évaluation');
    await page.getByText('Évaluation transmise : elle ne peut plus être modifiée.').waitFor();
    await page.getByText('4 / 5').waitFor();
    expect(await page.getByRole('button', { name: 'Enregistrer', exact: true }).count()).toBe(0);

    // A typed conflict withdraws the reviewer from the other application.
    await page.getByRole('link', { name: 'Mes évaluations' }).first().click();
    await page.getByRole('link', { name: 'Inconnue SAS' }).click();
    await page.getByRole('radio', { name: 'J’ai un conflit d’intérêts' }).check({ force: true });
    await page.getByRole('button', { name: 'Nature du conflit' }).click();
    await page.getByRole('option', { name: 'Lien personnel' }).click();
    await page.getByRole('textbox', { name: 'Précisions (facultatif)' }).fill('Associé de la fondatrice.');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Envoyer la déclaration' }).click();
    await page.getByText('vous êtes retiré·e de l’évaluation de cette candidature', { exact: false }).waitFor();
  });

  it('keeps their areas of expertise, which the assignment prefers, by keyboard and in English', async () => {
    const page = await flow.newPage();
    await signInThroughPage(page, flow.t.emailOf('reviewer'), testPassword);
    await page.goto(`/t/${slug}/evaluations`);
    await page.getByRole('region', { name: 'Mes domaines d’expertise' }).waitFor();
    await page.locator('.segmented-item[lang="en"]').click();
    const section = page.getByRole('region', { name: 'My areas of expertise' });
    await section.getByRole('checkbox', { name: 'Energy' }).focus();
    await page.keyboard.press('Space');
    await section.getByRole('checkbox', { name: 'Health' }).focus();
    await page.keyboard.press('Space');
    await section.getByRole('button', { name: 'Save my areas' }).press('Enter');
    await section.getByText('2 areas saved.').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'calls-expertise');
    const reviewer = await flow.t.signIn(flow.t.emailOf('reviewer'));
    const mine = (await flow.t.request(reviewer, { method: 'GET', url: `${api}/reviewer-profile` })).json();
    expect([...mine.themes].sort()).toEqual(['energie', 'sante']);
  });
});
