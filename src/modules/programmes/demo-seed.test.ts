import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { seedDemo } from '../../demo/seed.ts';
import { systemActor } from '../../platform/policy/actor.ts';
import { createProgrammesServices } from './index.ts';

let t: TestApp;
const ctx = { actor: systemActor, locale: 'fr' as const, requestId: 'test' };
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.deps);
});
afterAll(() => t.close());

describe('demo programmes', () => {
  it('loads Béthune’s capped accompaniment with Bybe and Atlas, their mentoring, milestones and monthly figures', async () => {
    const s = createProgrammesServices(t.deps);
    const [p] = (await s.programmes.list(ctx, 'bethune-bruay')).items;
    expect(p).toMatchObject({ cap: 20, entry: 'continuous', isPublished: true, counts: { active: 2, waitlisted: 0, alumni: 0 } });
    expect(p?.themes).toHaveLength(6);
    const enrolments = (await s.enrolments.list(ctx, 'bethune-bruay', p?.id ?? '', { page: 1, pageSize: 20 })).items;
    expect(enrolments.map((e) => e.organization.name)).toEqual(['Atlas', 'Bybe']);
    const bybe = await s.mentoring.detail(ctx, 'bethune-bruay', enrolments[1]?.id ?? '');
    expect(bybe.supporters).toMatchObject([{ role: 'mentor', name: 'Sarah Benali' }]);
    expect(bybe.sessions.length).toBe(3);
    expect(bybe.milestones.map((m) => m.status)).toContain('done');
    expect(bybe.kpis.filter((k) => k.answeredAt).length).toBe(3);
    const report = await s.reports.report(ctx, 'bethune-bruay', p?.id ?? '', {});
    expect(report.totals).toMatchObject({ accompanied: 2, sessions: 5, mentoringMinutes: 420 });
    expect(report.totals.jobsNow).toBeGreaterThanOrEqual(report.totals.jobsAtEntry);
  });

  it('loads Stardust with a cohort and the Tektos accelerator, and a second load changes nothing', async () => {
    const s = createProgrammesServices(t.deps);
    const [stardust] = (await s.programmes.list(ctx, 'aix-marseille')).items;
    expect(stardust).toMatchObject({ slug: 'stardust', entry: 'cohorts', defaultDurationMonths: 3 });
    expect(stardust?.cohorts).toHaveLength(1);
    const [tektos] = (await s.programmes.list(ctx, 'calaisis')).items;
    expect(tektos?.slug).toBe('accelerateur-tektos');
    await seedDemo(t.deps);
    expect((await s.programmes.list(ctx, 'bethune-bruay')).items).toHaveLength(1);
    expect((await s.programmes.list(ctx, 'aix-marseille')).items).toHaveLength(1);
  });
});
