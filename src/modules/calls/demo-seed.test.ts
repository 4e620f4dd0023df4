import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { seedDemo } from '../../demo/seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.deps);
});
afterAll(() => t.close());

const get = async (url: string) => (await t.request(null, { method: 'GET', url: `/api/v1/territories/${url}` })).json();

describe('demo calls', () => {
  it("loads Béthune's continuous call on six themes, with screened applications", async () => {
    const calls = await get('bethune-bruay/calls');
    expect(calls.items).toHaveLength(1);
    expect(calls.items[0]).toMatchObject({ intake: 'continuous', isOpen: true, eligibility: { minMatchingThemes: 1 } });
    expect(calls.items[0].themes).toHaveLength(6);
    // Its selected applicants enter the cluster's accompaniment, capped at 20 companies.
    const staff = await t.signIn('hugo.durand@demo.totem.localhost', 'totem-demo-2026');
    const call = await t.request(staff, {
      method: 'GET',
      url: '/api/v1/territories/bethune-bruay/calls/cluster-territoire-intelligent/manage',
    });
    const programmes = await t.request(staff, { method: 'GET', url: '/api/v1/territories/bethune-bruay/programmes' });
    const accompaniment = programmes.json().items.find((p: { slug: string }) => p.slug === 'accompagnement-territoire-intelligent');
    expect(accompaniment.cap).toBe(20);
    expect(call.json().programmeId).toBe(accompaniment.id);
  });

  it("shows Louvre Lens Vallée's laureates and opens Stardust's window", async () => {
    const llv = await get('lens-lievin/calls/appel-numerique-culturel');
    expect(llv.status).toBe('closed');
    expect(llv.laureates.map((l: { name: string }) => l.name)).toEqual(['Book d’Oreille Studio', 'Urbik']);
    const stardust = await get('aix-marseille/calls/stardust');
    expect(stardust).toMatchObject({ intake: 'window', isOpen: true });
  });

  it('does not duplicate anything when loaded again', async () => {
    await seedDemo(t.deps);
    expect((await get('lens-lievin/calls')).total).toBe(0);
    expect((await get('bethune-bruay/calls')).total).toBe(1);
  });
});
