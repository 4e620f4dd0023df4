/**
 * The programme editor in the browser: staff create a programme by cohorts from the board's empty
 * state with the keyboard only, the server's refusals are shown at their fields, two cohorts are
 * added and one edited in its dialog, the result is read back through the API; then the same pages
 * in English on a 360 px phone, with the board's dates in the interface's language.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../helpers/app.ts';
import {
  expectHeading,
  expectNoAxeViolations,
  type Flow,
  screenshot,
  signInThroughPage,
  startFlow,
  tabTo,
  testPassword,
} from './helpers.ts';

const api = '/api/v1/territories/alpha';
const phone = { width: 360, height: 780 };
let flow: Flow;
let staff: Agent;

beforeAll(async () => {
  flow = await startFlow();
  staff = await flow.t.signIn(flow.t.emailOf('staff'));
  for (const [slug, labelFr, labelEn] of [
    ['energie', 'Énergie', 'Energy'],
    ['mobilite', 'Mobilité', 'Mobility'],
  ]) {
    const res = await flow.t.request(staff, { method: 'POST', url: `${api}/themes`, payload: { slug, labelFr, labelEn } });
    expect(res.statusCode, res.body).toBe(201);
  }
}, 180_000);
afterAll(() => flow?.close());

/** Presses Shift+Tab until `target` has the focus. */
async function shiftTabTo(page: Page, target: Locator, maxPresses = 40) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Shift+Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`could not reach ${target} with Shift+Tab`);
}

/** Replaces the text of the focused field by `text`, typed. */
async function retype(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

describe('the programme editor', () => {
  it('creates a programme by cohorts with the keyboard, shows refusals at their fields, adds two cohorts and edits one', async () => {
    const page = await flow.newPage();
    await signInThroughPage(page, flow.t.emailOf('staff'), testPassword);
    await page.goto('/t/alpha/gestion/programmes');
    await expectHeading(page, 'Programmes d’accompagnement');
    await page.getByText('Aucun programme pour l’instant.').waitFor();
    await expectNoAxeViolations(page);

    // From the empty state to the new programme, with the keyboard only.
    await tabTo(page, page.getByRole('link', { name: 'Nouveau programme' }));
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Nouveau programme');
    await tabTo(page, page.getByRole('textbox', { name: 'Nom (français)' }));
    await page.keyboard.type('Accélérateur Stardust');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Stardust accelerator');
    // The identifier follows the French name until it is typed.
    await expect.poll(() => page.getByRole('textbox', { name: 'Identifiant dans l’adresse' }).inputValue()).toBe('accelerateur-stardust');
    await tabTo(page, page.getByRole('textbox', { name: 'Description (français)' }));
    await page.keyboard.type('Trois mois pour préparer une levée de fonds.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Three months to prepare a fundraising round.');
    await tabTo(page, page.getByRole('radio', { name: 'Incubation' }));
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByRole('radio', { name: 'Accélération' }).isChecked()).toBe(true);
    await tabTo(page, page.getByRole('checkbox', { name: 'Énergie' }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('radio', { name: 'Par promotions' }));
    await tabTo(page, page.getByRole('textbox', { name: 'Durée habituelle d’un accompagnement (mois)' }));
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0');
    await tabTo(page, page.getByRole('checkbox', { name: /^Publier/ }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Créer le programme' }));
    await page.keyboard.press('Enter');

    // A cap of 0 is refused by the server, at the cap's field, in French.
    const cap = page.getByRole('textbox', { name: 'Plafond d’entreprises accompagnées en même temps' });
    await expect.poll(() => cap.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Un nombre entier de 1 à 100 000, ou rien pour ne pas plafonner.').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'programmes-editor-refused');
    await shiftTabTo(page, cap);
    await retype(page, '12');
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Modifier le programme');
    await page.getByText('Programme créé.').waitFor();

    // Two cohorts; the second first ends before it starts, which the server refuses at its end.
    const cohorts = page.getByRole('region', { name: 'Promotions' });
    await cohorts.getByText('Aucune promotion pour l’instant.').waitFor();
    const add = cohorts.getByRole('form', { name: 'Ajouter une promotion' });
    await add.getByRole('textbox', { name: 'Nom de la promotion' }).fill('Printemps 2027');
    await add.getByLabel('Début').fill('2027-03-01');
    await add.getByLabel('Fin').fill('2027-06-30');
    await add.getByRole('button', { name: 'Ajouter la promotion' }).click();
    await cohorts.getByText('Promotion « Printemps 2027 » ajoutée.').waitFor();
    await add.getByRole('textbox', { name: 'Nom de la promotion' }).fill('Automne 2027');
    await add.getByLabel('Début').fill('2027-09-01');
    await add.getByLabel('Fin').fill('2027-08-31');
    await add.getByRole('textbox', { name: 'Plafond propre (facultatif)' }).fill('6');
    await add.getByRole('button', { name: 'Ajouter la promotion' }).click();
    await expect.poll(() => add.getByLabel('Fin').getAttribute('aria-invalid')).toBe('true');
    await add.getByText('Une date valide, au plus tôt le jour du début.').waitFor();
    await expectNoAxeViolations(page);
    await add.getByLabel('Fin').fill('2027-12-17');
    await add.getByRole('button', { name: 'Ajouter la promotion' }).click();
    await cohorts.getByText('Promotion « Automne 2027 » ajoutée.').waitFor();
    const table = cohorts.getByRole('table', { name: 'Promotions du programme' });
    await table.getByRole('row', { name: /Printemps 2027 du 1 mars 2027 au 30 juin 2027 Aucun 0/ }).waitFor();
    await table.getByRole('row', { name: /Automne 2027 du 1 septembre 2027 au 17 décembre 2027 6 0/ }).waitFor();

    // The spring cohort is renamed and gets a cap of its own, in its dialog.
    await cohorts.getByRole('button', { name: 'Modifier la promotion « Printemps 2027 »' }).click();
    const dialog = page.getByRole('dialog', { name: 'Modifier la promotion « Printemps 2027 »' });
    await dialog.getByRole('textbox', { name: 'Nom de la promotion' }).fill('Printemps 2027 – Stardust');
    await dialog.getByRole('textbox', { name: 'Plafond propre (facultatif)' }).fill('0');
    await dialog.getByRole('button', { name: 'Enregistrer la promotion' }).click();
    await dialog.getByText('Un nombre entier de 1 à 100 000, ou rien.').waitFor();
    await expectNoAxeViolations(page);
    await dialog.getByRole('textbox', { name: 'Plafond propre (facultatif)' }).fill('5');
    await dialog.getByRole('button', { name: 'Enregistrer la promotion' }).click();
    await cohorts.getByText('Promotion « Printemps 2027 – Stardust » enregistrée.').waitFor();
    await table.getByRole('row', { name: /Printemps 2027 – Stardust du 1 mars 2027 au 30 juin 2027 5 0/ }).waitFor();
    // The dialog gave the focus back to its button.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Modifier la promotion « Printemps 2027 – Stardust »');
    await expectNoAxeViolations(page);
    await screenshot(page, 'programmes-editor-fr');

    const list = (await flow.t.request(staff, { method: 'GET', url: `${api}/programmes` })).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      slug: 'accelerateur-stardust',
      nameFr: 'Accélérateur Stardust',
      nameEn: 'Stardust accelerator',
      descriptionFr: 'Trois mois pour préparer une levée de fonds.',
      descriptionEn: 'Three months to prepare a fundraising round.',
      kind: 'acceleration',
      entry: 'cohorts',
      defaultDurationMonths: 3,
      cap: 12,
      isPublished: true,
      themes: [{ slug: 'energie' }],
      cohorts: [
        { name: 'Printemps 2027 – Stardust', startsOn: '2027-03-01', endsOn: '2027-06-30', cap: 5, active: 0 },
        { name: 'Automne 2027', startsOn: '2027-09-01', endsOn: '2027-12-17', cap: 6, active: 0 },
      ],
    });

    // Saving the programme again: a new cap, and the way back to the board.
    await cap.fill('10');
    await page.getByRole('button', { name: 'Enregistrer le programme' }).click();
    await page.getByText('Programme enregistré.').waitFor();
    await page.getByRole('link', { name: 'Voir le programme sur le tableau de bord' }).click();
    await expectHeading(page, 'Programmes d’accompagnement');
    await page.getByRole('heading', { level: 2, name: 'Accélérateur Stardust' }).waitFor();
    await page.getByText('0 / 10').waitFor();
  });

  it('works in English on a 360 px phone: the board’s names and dates, the edit page, a taken identifier', async () => {
    const programme = (await flow.t.request(staff, { method: 'GET', url: `${api}/programmes` })).json().items[0];
    const org = await flow.t.request(staff, {
      method: 'POST',
      url: `${api}/directory/organizations`,
      payload: { kind: 'startup', name: 'Atlas' },
    });
    const enrolled = await flow.t.request(staff, {
      method: 'POST',
      url: `${api}/programmes/${programme.id}/enrolments`,
      payload: { organizationId: org.json().id, cohortId: programme.cohorts[0].id },
    });
    expect(enrolled.statusCode, enrolled.body).toBe(201);

    const page = await flow.newPage({ viewport: phone });
    await signInThroughPage(page, flow.t.emailOf('staff'), testPassword);
    await page.goto('/t/alpha/gestion/programmes');
    await expectHeading(page, 'Programmes d’accompagnement');
    await page.locator('.segmented-item[lang="en"]').click();
    await expectHeading(page, 'Accompaniment programmes');
    await page.getByRole('heading', { level: 2, name: 'Stardust accelerator' }).waitFor();
    const row = page.getByRole('table', { name: 'Enrolments: Active' }).getByRole('row').filter({ hasText: 'Atlas' });
    const entered = await row.getByRole('cell').nth(1).textContent();
    expect(entered).toMatch(/^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/);
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'programmes-board-en-360');

    await page.getByRole('link', { name: 'Edit the programme' }).click();
    await expectHeading(page, 'Edit the programme');
    const table = page.getByRole('table', { name: 'Cohorts of the programme' });
    await table.getByRole('row', { name: /Printemps 2027 – Stardust 1 March 2027 to 30 June 2027 5 1/ }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'programmes-editor-en-360');

    await page.getByRole('button', { name: 'Edit the cohort “Printemps 2027 – Stardust”' }).click();
    await page.getByRole('dialog', { name: 'Edit the cohort “Printemps 2027 – Stardust”' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'programmes-cohort-dialog-en-360');
    await page.keyboard.press('Escape');

    // A second programme may not take the first one's identifier.
    await page.getByRole('link', { name: 'Back to the programmes' }).click();
    await page.getByRole('link', { name: 'New programme' }).click();
    await expectHeading(page, 'New programme');
    await page.getByRole('textbox', { name: 'Name (French)' }).fill('Accélérateur Stardust');
    await page.getByRole('textbox', { name: 'Name (English)' }).fill('Stardust, again');
    await page.getByRole('button', { name: 'Create the programme' }).click();
    const slug = page.getByRole('textbox', { name: 'Identifier in the address' });
    await expect.poll(() => slug.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Another programme of the territory already uses this identifier.').waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'programmes-new-en-360');
  });
});
