/**
 * Programmes in the browser: the staff's board with its cap gauge, an enrolment's sessions,
 * milestones and exit (after confirmation), the promotion of the waitlist, the report, the
 * company's monthly figures reached from the e-mailed link, and the public page with its alumni.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgrammesServices } from '../../src/modules/programmes/index.ts';
import type { Agent } from '../helpers/app.ts';
import { expectHeading, expectNoAxeViolations, type Flow, screenshot, signInThroughPage, startFlow, testPassword } from './helpers.ts';

const api = '/api/v1/territories/alpha';
let flow: Flow;
let staff: Agent;
let programme: string;

const post = async (url: string, payload: object) => {
  const res = await flow.t.request(staff, { method: 'POST', url: `${api}${url}`, payload });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
};

beforeAll(async () => {
  flow = await startFlow();
  staff = await flow.t.signIn(flow.t.emailOf('staff'));
  programme = (
    await post('/programmes', {
      slug: 'territoire-intelligent',
      nameFr: 'Accompagnement territoire intelligent',
      nameEn: 'Smart-territory accompaniment',
      kind: 'incubation',
      entry: 'continuous',
      defaultDurationMonths: 12,
      cap: 2,
      isPublished: true,
    })
  ).id;
  for (const name of ['Atlas', 'Bybe', 'Cityzen Data']) {
    const org = await post('/directory/organizations', { kind: 'startup', name, isPublic: true });
    await post(`/programmes/${programme}/enrolments`, { organizationId: org.id });
    if (name === 'Bybe') {
      const person = await post('/directory/people', {
        firstName: 'Quentin',
        lastName: 'Test',
        legalBasis: 'contract',
        email: 'quentin@bybe.test',
      });
      await post(`/directory/people/${person.id}/affiliations`, { organizationId: org.id });
    }
  }
}, 180_000);
afterAll(() => flow?.close());

describe('the programme board', () => {
  it('shows the cap gauge, runs an enrolment to its exit and promotes the waitlist', async () => {
    const page = await flow.newPage();
    await signInThroughPage(page, flow.t.emailOf('staff'), testPassword);
    await page.goto('/t/alpha/gestion/programmes');
    await expectHeading(page, 'Programmes d’accompagnement');
    await page.getByText('2 / 2').waitFor();
    await page.getByRole('table', { name: 'Accompagnements : Accompagnée' }).getByRole('row').filter({ hasText: 'Atlas' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'programmes-board');

    // Atlas's enrolment: a session, a milestone met, then the exit after confirmation.
    await page.getByRole('link', { name: 'Ouvrir l’accompagnement de Atlas' }).click();
    await expectHeading(page, 'Atlas');
    await page.getByRole('textbox', { name: 'Sujet' }).fill('Industrialisation');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('table', { name: 'Séances de mentorat' }).getByText('Industrialisation').waitFor();
    await page.getByRole('textbox', { name: 'Intitulé' }).fill('Homologation');
    await page.getByRole('button', { name: 'Ajouter un jalon' }).click();
    await page.getByRole('button', { name: 'Marquer « Homologation » comme atteint' }).click();
    await page.getByRole('table', { name: 'Jalons' }).getByRole('row').filter({ hasText: 'Homologation' }).getByText('Atteint').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Mettre fin à l’accompagnement' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Mettre fin à cet accompagnement ?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Mettre fin' }).click();
    await page.getByText(/^Alumni ·/).waitFor();
    await screenshot(page, 'programmes-enrolment');

    // Back on the board: a seat is free; the head of the waitlist enters.
    await page.getByRole('link', { name: 'Retour au programme' }).click();
    await page.getByText('1 / 2').waitFor();
    await page.getByRole('link', { name: 'En liste d’attente (1)' }).click();
    await page.getByRole('table', { name: 'Accompagnements : En liste d’attente' }).getByText('Cityzen Data').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Faire entrer le premier de la liste d’attente' }).click();
    await page.getByText('Cityzen Data est maintenant accompagnée.').waitFor();
    await page.getByText('2 / 2').waitFor();

    // The report, with its files.
    await page.getByRole('link', { name: 'Rapport pour les financeurs' }).click();
    await expectHeading(page, 'Rapport pour les financeurs');
    await page.getByRole('table', { name: 'Entreprises accompagnées sur la période' }).getByText('Atlas').waitFor();
    await page.getByText(/^\d+ \(\d+ en cours, \d+ sorties?\)$/).waitFor();
    await expectNoAxeViolations(page);
    for (const [name, type] of [
      ['Télécharger le tableau (CSV pour Excel)', 'text/csv'],
      ['Télécharger le rapport (PDF)', 'application/pdf'],
    ] as const) {
      const href = (await page.getByRole('link', { name }).getAttribute('href')) ?? '';
      const file = await page.request.get(href);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toContain(type);
    }
    await screenshot(page, 'programmes-report');
  });

  it('lets the company send its monthly figures from the e-mailed link', async () => {
    // The monthly job, as it runs on the 1st of next month.
    const first = new Date();
    first.setUTCMonth(first.getUTCMonth() + 1, 1);
    first.setUTCHours(9, 0, 0, 0);
    const created = await createProgrammesServices({ ...flow.t.deps, clock: { now: () => first } }).kpi.runMonthly();
    expect(created.created).toBeGreaterThan(0);
    const mail = await flow.t.smtp.waitFor('quentin@bybe.test');
    const path = /\/t\/alpha\/indicateurs\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
    expect(path).toBeDefined();
    const page = await flow.newPage();
    await page.goto(path ?? '');
    await expectHeading(page, 'Vos indicateurs du mois');
    await page.getByText(/^Bybe, accompagnée dans « Accompagnement territoire intelligent »/).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Effectif (personnes employées aujourd’hui)').fill('7');
    await page.getByLabel('Fonds levés depuis la création (en euros)').fill('450000');
    await page.getByRole('button', { name: 'Transmettre' }).click();
    await page.getByText('Merci ! Vos indicateurs sont transmis à l’équipe du programme.').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'programmes-kpi');
  });

  it('shows the public page of a published programme with its public alumni', async () => {
    const page = await flow.newPage();
    await page.goto('/t/alpha/programmes/territoire-intelligent');
    await expectHeading(page, 'Accompagnement territoire intelligent');
    await page.getByRole('region', { name: 'Alumni' }).getByText('Atlas').waitFor();
    await page.getByText('Au plus 2 entreprises accompagnées en même temps').waitFor();
    await expectNoAxeViolations(page);
  });
});
