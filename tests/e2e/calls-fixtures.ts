/**
 * The call the browser flows apply to, made through the API as staff would: the directory links
 * of the calls module's tests (an applicant affiliated to Mobilidée, made public so that the
 * portal's search finds it) and a published call whose form uses every question type.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TCall } from '../../src/modules/calls/calls.contract.ts';
import { type Fixture, setUpDirectory } from '../../src/modules/calls/calls.fixtures.ts';
import type { Flow } from './helpers.ts';

export const slug = 'alpha';
const api = `/api/v1/territories/${slug}`;

const option = (value: string, labelFr: string, labelEn: string) => ({ value, labelFr, labelEn });

/** Every question type, a condition, an eligibility rule, help texts and limits. */
export const fullForm = {
  sections: [
    {
      id: 'project',
      titleFr: 'Le projet',
      titleEn: 'The project',
      questions: [
        {
          id: 'summary',
          type: 'long_text',
          labelFr: 'Résumé du projet',
          labelEn: 'Project summary',
          helpFr: 'En quelques phrases : le besoin, la solution, les premiers clients.',
          helpEn: 'In a few sentences: the need, the solution, the first customers.',
          required: true,
          maxLength: 1000,
        },
        { id: 'themes', type: 'theme_choice', labelFr: 'Thématiques', labelEn: 'Themes', required: true },
        {
          id: 'resident',
          type: 'single_choice',
          labelFr: 'Le projet est-il implanté sur le territoire ?',
          labelEn: 'Is the project based in the territory?',
          required: true,
          options: [option('yes', 'Oui', 'Yes'), option('no', 'Non', 'No')],
          eligibility: {
            rule: { kind: 'equals', value: 'yes' },
            reasonFr: 'Le projet doit être implanté sur le territoire.',
            reasonEn: 'The project must be based in the territory.',
          },
        },
        {
          id: 'partner',
          type: 'short_text',
          labelFr: 'Partenaire local',
          labelEn: 'Local partner',
          required: true,
          showWhen: { questionId: 'resident', operator: 'equals', value: 'no' },
        },
      ],
    },
    {
      id: 'means',
      titleFr: 'Moyens',
      titleEn: 'Means',
      questions: [
        { id: 'budget', type: 'money', labelFr: 'Budget du projet', labelEn: 'Project budget', required: true, maxCents: 50_000_000 },
        { id: 'jobs', type: 'number', labelFr: 'Emplois créés', labelEn: 'Jobs created', min: 0, max: 500 },
        { id: 'start', type: 'date', labelFr: 'Date de démarrage', labelEn: 'Start date' },
        {
          id: 'needs',
          type: 'multiple_choice',
          labelFr: 'Besoins d’accompagnement',
          labelEn: 'Support needed',
          options: [
            option('funding', 'Financement', 'Funding'),
            option('mentoring', 'Mentorat', 'Mentoring'),
            option('premises', 'Locaux', 'Premises'),
          ],
        },
        {
          id: 'deck',
          type: 'file',
          labelFr: 'Présentation du projet',
          labelEn: 'Project deck',
          required: true,
          allowedTypes: ['application/pdf'],
          maxSizeBytes: 1024 * 1024,
        },
      ],
    },
  ],
};

export type CallsFixture = Fixture & { call: TCall };

/** The directory links, and a published continuous call with the full form. */
export async function callsFixture(flow: Flow): Promise<CallsFixture> {
  const t = flow.t;
  const fx = await setUpDirectory(t);
  const made = await t.request(fx.staff, {
    method: 'PATCH',
    url: `${api}/directory/organizations/${fx.orgs.young}`,
    payload: { isPublic: true },
  });
  expect(made.statusCode).toBe(200);
  const created = await t.request(fx.staff, {
    method: 'POST',
    url: `${api}/calls`,
    payload: {
      slug: 'mobilite-2027',
      titleFr: 'Appel à projets Mobilités 2027',
      titleEn: 'Mobility 2027 call for projects',
      descriptionFr: 'Soutenir les projets de mobilité durable du territoire.\nJusqu’à 50 000 € par projet.',
      descriptionEn: 'Supporting sustainable mobility projects in the territory.\nUp to €50,000 per project.',
      themes: ['mobilite', 'energie'],
      eligibility: { organizationKinds: ['startup', 'sme'], inTerritory: true, maxCompanyAgeYears: 10, minMatchingThemes: 1 },
      documents: [{ titleFr: 'Règlement de l’appel', titleEn: 'Rules of the call', url: 'https://totem.localhost/reglement.pdf' }],
      form: fullForm,
      intake: 'continuous',
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const published = await t.request(fx.staff, {
    method: 'POST',
    url: `${api}/calls/mobilite-2027/status`,
    payload: { status: 'published' },
  });
  expect(published.statusCode, published.body).toBe(200);
  return { ...fx, call: published.json() as TCall };
}

/** The smallest file whose content Totem takes for a PDF. */
export const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** An application submitted through the API with answers that pass the form's checks (screening may still find it ineligible). */
export async function submittedThroughApi(flow: Flow, fx: CallsFixture, organizationId: string, agent = fx.member): Promise<string> {
  const made = await flow.t.request(agent, {
    method: 'POST',
    url: `${api}/calls/mobilite-2027/applications`,
    payload: { organizationId },
  });
  expect(made.statusCode, made.body).toBe(201);
  const id = made.json().id as string;
  const boundary = 'totemboundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="questionId"\r\n\r\ndeck\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="deck.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  const upload = await flow.t.request(agent, {
    method: 'POST',
    url: `${api}/applications/${id}/files`,
    payload: Buffer.concat([Buffer.from(head), pdfBytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(upload.statusCode, upload.body).toBe(201);
  const answers = { summary: 'Forge numérique', themes: ['energie'], resident: 'yes', budget: 100_000, deck: upload.json().id };
  expect((await flow.t.request(agent, { method: 'PUT', url: `${api}/applications/${id}/answers`, payload: { answers } })).statusCode).toBe(
    200,
  );
  expect((await flow.t.request(agent, { method: 'POST', url: `${api}/applications/${id}/submit` })).statusCode).toBe(200);
  return id;
}

/** Confirms the open dialog with its button `name`, and waits for it to close. */
export async function confirmIn(page: Page, name: string): Promise<void> {
  await page.getByRole('alertdialog').getByRole('button', { name }).click();
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
}
