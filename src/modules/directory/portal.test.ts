import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

let t: TestApp;
let staff: Agent;
const base = '/api/v1/territories/alpha/directory';
const ids: Record<string, string> = {};

const secret = {
  legalName: 'SECRET LEGAL NAME SAS',
  siret: '73282932000074',
  address: { street: '1 rue Cachée', postalCode: '62100', city: 'Calais' },
  website: 'https://secret.example',
  descriptionFr: 'Description confidentielle',
  foundingYear: 1999,
  externalId: 'crm-secret',
  tags: ['confidentiel'],
};

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.signIn(t.emailOf('staff'));
  const org = async (key: string, payload: object) => {
    ids[key] = (await t.request(staff, { method: 'POST', url: `${base}/organizations`, payload })).json().id;
  };
  const metric = (key: string, metric: string, value: number, asOf: string) =>
    t.request(staff, { method: 'POST', url: `${base}/organizations/${ids[key]}/metrics`, payload: { metric, value, asOf } });
  const relate = (source: string, kind: string, target: string, startedOn?: string) =>
    t.request(staff, {
      method: 'POST',
      url: `${base}/relationships`,
      payload: { sourceId: ids[source], targetId: ids[target], kind, startedOn },
    });
  await org('cluster', { kind: 'cluster', name: 'La Fabrique', isPublic: true, publicFields: ['relationships', 'metrics', 'description'] });
  await org('bybe', {
    kind: 'startup',
    name: 'Bybe',
    isPublic: true,
    legalName: 'Bybe SAS',
    siret: '55210055400013',
    address: { street: '12 rue du Port', postalCode: '62100', city: 'Calais' },
    website: 'https://bybe.example',
    descriptionFr: 'Plateforme sportive',
    foundingYear: 2014,
    publicFields: ['relationships', 'metrics', 'legalName', 'identifiers', 'address', 'website', 'description', 'foundingYear'],
  });
  await org('quiet', { kind: 'startup', name: 'Atlas', isPublic: true, ...secret, publicFields: ['commune'] });
  await org('hidden', { kind: 'sme', name: 'Studio privé', isPublic: false, publicFields: ['relationships', 'metrics'] });
  await metric('bybe', 'headcount', 8, '2024-01-01');
  await metric('bybe', 'headcount', 12, '2025-06-30');
  await metric('bybe', 'funds_raised', 150_000_000, '2025-03-01');
  await metric('cluster', 'headcount', 5, '2025-01-01');
  await metric('quiet', 'headcount', 1000, '2025-12-01');
  await metric('hidden', 'funds_raised', 9_999_999_00, '2025-12-31');
  await relate('bybe', 'member_of', 'cluster', '2019-01-01');
  await relate('cluster', 'accompanies', 'bybe');
  await relate('quiet', 'member_of', 'cluster');
  await relate('hidden', 'member_of', 'cluster');
});
afterAll(() => t.close());

describe('key figures', () => {
  it('counts public organisations, and jobs and funds only from the figures they made public', async () => {
    const res = await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha/figures' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      organizations: {
        total: 3,
        byKind: [
          { kind: 'startup', count: 2 },
          { kind: 'cluster', count: 1 },
        ],
      },
      jobs: 17,
      fundsRaisedCents: 150_000_000,
      asOf: '2025-06-30',
    });
  });

  it('answers zeros for an empty territory and 404 for an unknown one', async () => {
    const beta = await t.request(null, { method: 'GET', url: '/api/v1/territories/beta/figures' });
    expect(beta.json()).toEqual({ organizations: { total: 0, byKind: [] }, jobs: 0, fundsRaisedCents: 0, asOf: null });
    expect((await t.request(null, { method: 'GET', url: '/api/v1/territories/nowhere/figures' })).statusCode).toBe(404);
  });
});

describe('public relationships', () => {
  it('lists relationships between public organisations that show them, filtered by kind and paginated', async () => {
    const res = await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha/relationships' });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(
      page.items.map(
        (r: { kind: string; source: { name: string }; target: { name: string } }) => `${r.source.name} ${r.kind} ${r.target.name}`,
      ),
    ).toEqual(['La Fabrique accompanies Bybe', 'Bybe member_of La Fabrique']);
    expect(page.items[1]).toMatchObject({ startedOn: '2019-01-01', endedOn: null, source: { kind: 'startup' } });
    expect(page.items[1]).not.toHaveProperty('note');
    const members = (
      await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha/relationships?kind=member_of&pageSize=1' })
    ).json();
    expect(members).toMatchObject({ total: 1, pageSize: 1, items: [{ kind: 'member_of' }] });
    expect((await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha/relationships?kind=loves' })).statusCode).toBe(422);
    expect((await t.request(null, { method: 'GET', url: '/api/v1/territories/beta/relationships' })).json().total).toBe(0);
  });
});

describe('schema.org JSON-LD', () => {
  it('describes a public organisation from its public fields and relationships', async () => {
    const res = await t.request(null, { method: 'GET', url: `/api/v1/territories/alpha/organizations/${ids.bybe}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().jsonLd).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: 'Bybe',
      legalName: 'Bybe SAS',
      url: 'https://bybe.example',
      description: 'Plateforme sportive',
      foundingDate: '2014',
      address: {
        '@type': 'PostalAddress',
        streetAddress: '12 rue du Port',
        postalCode: '62100',
        addressLocality: 'Calais',
        addressCountry: 'FR',
      },
      identifier: { '@type': 'PropertyValue', propertyID: 'SIRET', value: '55210055400013' },
      memberOf: [{ '@type': 'Organization', name: 'La Fabrique' }],
    });
  });

  it('shows no private field', async () => {
    const res = await t.request(null, { method: 'GET', url: `/api/v1/territories/alpha/organizations/${ids.quiet}` });
    const { jsonLd } = res.json();
    expect(jsonLd).toEqual({ '@context': 'https://schema.org', '@type': 'Organization', name: 'Atlas' });
    const text = JSON.stringify(res.json());
    for (const value of [
      'SECRET',
      '73282932000074',
      'Cachée',
      'secret.example',
      'confidentielle',
      '1999',
      'crm-secret',
      'confidentiel',
      '1000',
    ])
      expect(text).not.toContain(value);
    expect((await t.request(null, { method: 'GET', url: `/api/v1/territories/alpha/organizations/${ids.hidden}` })).statusCode).toBe(404);
  });
});
