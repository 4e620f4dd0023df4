import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../../src/demo/seed.ts';
import { expectHeading, expectNoAxeViolations, type Flow, screenshot, signInThroughPage, startFlow, tabTo } from './helpers.ts';

const staffEmail = 'hugo.durand@demo.totem.localhost';
const api = '/api/v1/territories/bethune-bruay/directory';

/** Chooses an organisation in a combo box with the keyboard: type part of its name, arrow down to it, Enter. */
const AGGLO = 'Communauté d’agglomération de Béthune-Bruay';

async function pickOrganization(page: Page, label: string, typed: string, name: string) {
  const box = page.getByRole('combobox', { name: label });
  await box.focus();
  await box.pressSequentially(typed);
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).waitFor();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    if (active && (await page.locator(`[id="${active}"]`).textContent())?.startsWith(name)) break;
  }
  await page.keyboard.press('Enter');
  await expect.poll(() => box.inputValue()).toBe(name);
}

describe('the staff keep the organisations of the directory in order', () => {
  let flow: Flow;
  let agent: Awaited<ReturnType<Flow['t']['signIn']>>;
  const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await flow.t.request(agent, { method, url: `${api}${url}`, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  beforeAll(async () => {
    flow = await startFlow();
    await seedDemo(flow.t.deps);
    agent = await flow.t.signIn(staffEmail, demoPassword);
  }, 120_000);
  afterAll(() => flow?.close());

  it('merges a duplicate after confirmation, its relationships and figures going to the kept one', async () => {
    const kept = (await call('POST', '/organizations', { name: 'Atelier Vélo Béthune', kind: 'startup', communeInsee: '62119' })).body;
    const dup = (await call('POST', '/organizations', { name: 'Atelier vélo de Béthune', kind: 'startup', tags: ['mobilite'] })).body;
    await call('POST', `/organizations/${dup.id}/metrics`, {
      metric: 'headcount',
      value: 4,
      asOf: '2025-12-31',
      source: 'Déclaration de la structure',
    });
    const cluster = (await call('GET', '/organizations?q=cluster')).body.items[0];
    expect((await call('POST', '/relationships', { sourceId: cluster.id, targetId: dup.id, kind: 'accompanies' })).status).toBe(201);

    const page = await flow.newPage();
    await signInThroughPage(page, staffEmail, demoPassword);
    await page.goto(`/t/bethune-bruay/gestion/annuaire/${kept.id}`);
    await page.getByRole('heading', { level: 2, name: 'Modifier Atelier Vélo Béthune' }).waitFor();
    const merge = page.getByRole('button', { name: 'Fusionner un doublon' });
    expect(await merge.isDisabled()).toBe(true);
    await pickOrganization(page, 'Doublon', 'atelier velo', 'Atelier vélo de Béthune');
    await tabTo(page, merge);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('Fusionner « Atelier vélo de Béthune » dans « Atelier Vélo Béthune » ?');
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-merge-confirm-fr');
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByRole('status').filter({ hasText: 'Doublon fusionné.' }).waitFor();

    // The duplicate is gone; its relationship and its figure now belong to the kept organisation.
    expect((await call('GET', `/organizations/${dup.id}`)).status).toBe(404);
    const relations = page.getByRole('table', { name: 'Relations de Atelier Vélo Béthune' });
    await relations.getByRole('row').filter({ hasText: 'Cluster du territoire intelligent' }).waitFor();
    expect(await relations.textContent()).toContain('Accompagnée par');
    const figures = page.getByRole('table', { name: 'Historique des chiffres' });
    expect(await figures.textContent()).toContain('4 personnes');
    expect((await call('GET', `/organizations/${kept.id}`)).body.tags).toEqual(['mobilite']);
    await expectNoAxeViolations(page);
  }, 90_000);

  it('records relationships both ways and dated figures, each removal confirmed', async () => {
    // La Fabrique is outside the cluster's accompaniment, whose monthly answers add figures of their own.
    const org = (await call('GET', '/organizations?q=la%20fabrique')).body.items[0];
    const page = await flow.newPage();
    await signInThroughPage(page, staffEmail, demoPassword);
    await page.goto(`/t/bethune-bruay/gestion/annuaire/${org.id}`);
    const section = page.getByRole('region', { name: 'Relations avec d’autres structures' });
    const table = page.getByRole('table', { name: 'Relations de La Fabrique' });
    // The demo's incoming relationship is listed from La Fabrique's side.
    await table.getByRole('row').filter({ hasText: 'Ville de Béthune' }).waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'Ville de Béthune' }).textContent()).toContain('Financée par');

    // La Fabrique is funded by the agglomeration: an incoming relationship, chosen in the list of directions.
    await section.getByRole('button', { name: /La Fabrique…$/ }).click();
    await page.getByRole('option', { name: 'est financée par' }).click();
    await pickOrganization(page, 'Autre structure', 'aggl', AGGLO);
    await section.getByLabel('Date de début').fill('2024-09-01');
    await section.getByRole('textbox', { name: 'Note interne' }).fill('Subvention de fonctionnement');
    await section.getByRole('button', { name: 'Ajouter la relation' }).click();
    await section.getByRole('status').filter({ hasText: 'Relation ajoutée.' }).waitFor();
    const row = table.getByRole('row').filter({ hasText: AGGLO });
    expect(await row.textContent()).toContain('Financée par');
    expect(await row.textContent()).toContain('depuis le 1 sept. 2024');
    // The same again is refused, with the reason under the field.
    await pickOrganization(page, 'Autre structure', 'aggl', AGGLO);
    await section.getByRole('button', { name: 'Ajouter la relation' }).click();
    await section.locator('.field-error').filter({ hasText: 'Cette relation existe déjà.' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-relationships-fr');

    // Edited (dates and note), then deleted after confirmation.
    await row.getByRole('button', { name: `Modifier la relation : La Fabrique est financée par ${AGGLO}` }).click();
    await section.getByLabel('Date de fin').fill('2026-06-30');
    await section.getByRole('button', { name: 'Enregistrer la relation' }).click();
    await section.getByRole('status').filter({ hasText: 'Relation modifiée.' }).waitFor();
    await expect.poll(() => row.textContent()).toContain('au 30 juin 2026');
    await row.getByRole('button', { name: `Supprimer la relation : La Fabrique est financée par ${AGGLO}` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Supprimer', exact: true }).click();
    await section.getByRole('status').filter({ hasText: 'Relation supprimée.' }).waitFor();
    await expect.poll(() => table.getByRole('row').filter({ hasText: AGGLO }).count()).toBe(0);

    // Figures: the demo's history (one headcount), a wrong amount refused before sending, a new total of funds raised.
    const metrics = page.getByRole('region', { name: 'Chiffres datés' });
    const history = page.getByRole('table', { name: 'Historique des chiffres' });
    expect(await history.getByRole('row').count()).toBe(2);
    await metrics.getByRole('button', { name: /Indicateur$/ }).click();
    await page.getByRole('option', { name: 'Fonds levés (cumul)' }).click();
    const amount = metrics.getByRole('textbox', { name: 'Fonds levés, en euros' });
    await amount.fill('beaucoup');
    await metrics.getByRole('button', { name: 'Ajouter le chiffre' }).click();
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    await amount.fill('1 250 000');
    await metrics.getByLabel('Date du chiffre').fill('2026-09-30');
    await metrics.getByRole('textbox', { name: /^Source/ }).fill('Communiqué de presse');
    await metrics.getByRole('button', { name: 'Ajouter le chiffre' }).click();
    await metrics.getByRole('status').filter({ hasText: 'Chiffre ajouté.' }).waitFor();
    expect(await metrics.locator('dl').textContent()).toMatch(/1[\s\u202f]250[\s\u202f]000[\s\u202f]€ au 30 sept\. 2026/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-metrics-fr');
    const added = history.getByRole('row').filter({ hasText: 'Communiqué de presse' });
    await added.getByRole('button', { name: /^Supprimer le chiffre/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Supprimer', exact: true }).click();
    await metrics.getByRole('status').filter({ hasText: 'Chiffre supprimé.' }).waitFor();
    expect(await history.getByRole('row').count()).toBe(2);
    const saved = (await call('GET', `/organizations/${org.id}`)).body;
    expect(saved.latestMetrics.funds_raised).toBeNull();
    expect(saved.latestMetrics.headcount).toMatchObject({ value: 4, asOf: '2025-12-31' });
  }, 90_000);

  it('tags several organisations at once, and downloads both CSV profiles', async () => {
    const page = await flow.newPage();
    await signInThroughPage(page, staffEmail, demoPassword);
    await page.goto('/t/bethune-bruay/gestion/annuaire');
    await expectHeading(page, 'Gestion de l’annuaire');
    await page.getByRole('table', { name: 'Structures de l’annuaire' }).waitFor();
    for (const name of ['Atlas', 'Bybe', 'La Fabrique']) {
      await tabTo(page, page.getByRole('checkbox', { name: `Sélectionner ${name}` }), 80);
      await page.keyboard.press('Space');
    }
    const bulk = page.getByRole('region', { name: 'Mots-clés des structures sélectionnées' });
    await bulk.getByText('3 structures sélectionnées').waitFor();
    await bulk.getByRole('textbox', { name: 'Mot-clé' }).fill('mobilité douce');
    await bulk.getByRole('button', { name: 'Ajouter le mot-clé' }).click();
    await bulk.getByRole('status').filter({ hasText: '3 structures mises à jour.' }).waitFor();
    const list = page.getByRole('table', { name: 'Structures de l’annuaire' });
    await expect.poll(() => list.getByRole('row').filter({ hasText: 'mobilité douce' }).count()).toBe(3);
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-bulk-tag-fr');
    const tagged = (await call('GET', `/organizations?tag=${encodeURIComponent('mobilité douce')}&pageSize=50`)).body;
    expect(tagged.items.map((o: { name: string }) => o.name).sort()).toEqual(['Atlas', 'Bybe', 'La Fabrique']);

    // The two export profiles, as the browser downloads them.
    await page.goto('/t/bethune-bruay/gestion/annuaire/import');
    for (const [label, profile] of [
      ['Télécharger pour Excel (CSV)', 'excel'],
      ['Télécharger au format open data (CSV)', 'open_data'],
    ] as const) {
      const link = page.getByRole('link', { name: label });
      const res = await page.request.get((await link.getAttribute('href')) ?? '');
      expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
      const downloading = page.waitForEvent('download');
      await link.click();
      const file = await readFile((await (await downloading).path()) ?? '', 'utf8');
      const [head = '', ...rows] = file.split(/\r?\n/);
      const atlas = rows.find((r) => r.startsWith('Atlas')) ?? '';
      if (profile === 'excel') {
        expect(head.startsWith('\ufeffnom;type;')).toBe(true);
        expect(file).toContain('\r\n');
        expect(atlas).toContain(';800000,00;');
        expect(atlas).toContain('mobilité douce');
      } else {
        expect(head.startsWith('name,kind,')).toBe(true);
        expect(atlas).toContain(',800000.00,');
      }
    }
  }, 90_000);
});
