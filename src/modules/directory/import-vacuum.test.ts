import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngine } from '../../../tests/helpers/database.ts';
import { systemActor } from '../../platform/policy/actor.ts';
import { createImportService } from './import.service.ts';

/**
 * The embedded database runs no autovacuum: an import that changed something asks for a vacuum pass
 * right away (`Database.vacuumSoon`), without waiting for it. A server's autovacuum does this itself.
 */
describe.skipIf(testEngine() === 'postgres')('the vacuum pass after an import (embedded database)', () => {
  let t: TestApp;
  const sys = { actor: systemActor, locale: 'fr' as const, requestId: 'test' };
  const file = (n: number) =>
    ['nom;type;identifiant_externe', ...Array.from({ length: n }, (_, i) => `Structure ${i};pme;vac-${i}`)].join('\n');
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('is asked for after an import that wrote rows, not after a preview or an import that changed nothing', async () => {
    let asked = 0;
    const database = { ...t.deps.database, vacuumSoon: async () => void asked++ };
    const imports = createImportService({ database });
    const input = { content: file(20), encoding: 'text' as const };
    await imports.preview(sys, 'alpha', input);
    expect(asked).toBe(0);
    expect((await imports.commit(sys, 'alpha', input)).summary.create).toBe(20);
    expect(asked).toBe(1);
    expect((await imports.commit(sys, 'alpha', input)).summary.skip).toBe(20);
    expect(asked).toBe(1);
  });

  it('runs after the import has answered: the imported tables are then vacuumed or analyzed', async () => {
    const stats = () =>
      t.deps.database.transaction({ system: true }, async (tx) => {
        const r = await tx.execute(sql`SELECT vacuum_count + analyze_count AS n FROM pg_stat_user_tables
          WHERE relname = 'organization_search_words'`);
        return Number((r as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
      });
    const before = await stats();
    const imports = createImportService(t.deps);
    expect((await imports.commit(sys, 'alpha', { content: file(1500).replaceAll('vac-', 'big-'), encoding: 'text' })).summary.create).toBe(
      1500,
    );
    // The pass the import asked for, which starts once the current work is done.
    for (let i = 0; i < 50 && (await stats()) === before; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await stats()).toBeGreaterThan(before);
  });
});
