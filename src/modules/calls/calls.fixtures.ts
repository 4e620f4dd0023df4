/**
 * Shared setup of the calls module's tests: themes, organisations and the directory links that
 * make `member@alpha.test` an applicant and give `reviewer@alpha.test` a detectable conflict.
 */
import type { Agent, TestApp } from '../../../tests/helpers/app.ts';

export const base = '/api/v1/territories/alpha';
/** Béthune, in alpha's EPCI (Béthune-Bruay); Calais is outside it. */
export const bethune = '62119';
export const calais = '62193';

export type Fixture = {
  staff: Agent;
  member: Agent;
  reviewer: Agent;
  themes: Record<'mobility' | 'energy' | 'health', string>;
  orgs: Record<'young' | 'old' | 'stranger' | 'reviewers', string>;
};

async function post(t: TestApp, agent: Agent, url: string, payload: object) {
  const res = await t.request(agent, { method: 'POST', url: `${base}${url}`, payload });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

export async function setUpDirectory(t: TestApp): Promise<Fixture> {
  const staff = await t.signIn(t.emailOf('staff'));
  const admin = await t.signIn(t.emailOf('admin'));
  const member = await t.signIn(t.emailOf('member'));
  const reviewer = await t.signIn(t.emailOf('reviewer'));
  const theme = (slug: string, labelFr: string, labelEn: string) => post(t, admin, '/themes', { slug, labelFr, labelEn });
  const themes = {
    mobility: await theme('mobilite', 'Mobilité', 'Mobility'),
    energy: await theme('energie', 'Énergie', 'Energy'),
    health: await theme('sante', 'Santé', 'Health'),
  };
  const org = (payload: object) => post(t, staff, '/directory/organizations', payload);
  const orgs = {
    young: await org({ kind: 'startup', name: 'Mobilidée', communeInsee: bethune, foundingYear: 2023, themeIds: [themes.mobility] }),
    old: await org({ kind: 'sme', name: 'Vieille Forge', communeInsee: calais, foundingYear: 1990 }),
    stranger: await org({ kind: 'startup', name: 'Inconnue SAS', communeInsee: bethune, foundingYear: 2024 }),
    reviewers: await org({ kind: 'investor', name: 'Fonds Artois', communeInsee: bethune }),
  };
  const person = (email: string, firstName: string) =>
    post(t, staff, '/directory/people', { firstName, lastName: 'Test', legalBasis: 'legitimate_interest', email });
  const applicant = await person(t.emailOf('member'), 'Camille');
  const expert = await person(t.emailOf('reviewer'), 'Dominique');
  await post(t, staff, `/directory/people/${applicant}/affiliations`, { organizationId: orgs.young });
  await post(t, staff, `/directory/people/${applicant}/affiliations`, { organizationId: orgs.old });
  await post(t, staff, `/directory/people/${expert}/affiliations`, { organizationId: orgs.reviewers });
  return { staff, member, reviewer, themes, orgs };
}

/** A small form: a theme question, an eligibility question, a budget, and a condition. */
export const sampleForm = {
  sections: [
    {
      id: 'project',
      titleFr: 'Projet',
      titleEn: 'Project',
      questions: [
        { id: 'summary', type: 'long_text', labelFr: 'Résumé', labelEn: 'Summary', required: true, maxLength: 500 },
        { id: 'themes', type: 'theme_choice', labelFr: 'Thématiques', labelEn: 'Themes', required: true },
        {
          id: 'resident',
          type: 'single_choice',
          labelFr: 'Implanté sur le territoire ?',
          labelEn: 'Based in the territory?',
          required: true,
          options: [
            { value: 'yes', labelFr: 'Oui', labelEn: 'Yes' },
            { value: 'no', labelFr: 'Non', labelEn: 'No' },
          ],
          eligibility: {
            rule: { kind: 'equals', value: 'yes' },
            reasonFr: 'Le projet doit être implanté sur le territoire.',
            reasonEn: 'The project must be based in the territory.',
          },
        },
        {
          id: 'budget',
          type: 'money',
          labelFr: 'Budget (centimes)',
          labelEn: 'Budget (cents)',
          required: true,
          maxCents: 50_000_000,
        },
        {
          id: 'partner',
          type: 'short_text',
          labelFr: 'Partenaire',
          labelEn: 'Partner',
          required: true,
          showWhen: { questionId: 'resident', operator: 'equals', value: 'no' },
        },
      ],
    },
  ],
};

export const goodAnswers = { summary: 'Navettes autonomes', themes: ['mobilite'], resident: 'yes', budget: 1_500_000 };
