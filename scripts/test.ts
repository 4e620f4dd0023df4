/**
 * `npm test`: the whole suite, as CI runs it.
 *   1. unit and integration tests on the embedded database (PGlite);
 *   2. the same suite against PostgreSQL when TEST_DATABASE_URL is set;
 *   3. the browser flows (Playwright in Debian's Chromium, with axe), when Chromium is installed
 *      (required when CI is set).
 * Ends with one line `N passed, N failed, N skipped` summing every run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}.tmp/test-results`;
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const extra = process.argv.slice(2);

type Totals = { passed: number; failed: number; skipped: number };
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

function run(label: string, project: string, env: NodeJS.ProcessEnv) {
  console.log(`\n=== ${label} ===`);
  const json = `${outDir}/${label.replace(/\W+/g, '-')}.json`;
  const r = spawnSync(
    process.execPath,
    [
      `${root}node_modules/vitest/vitest.mjs`,
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${json}`,
      ...extra,
    ],
    { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } },
  );
  if (existsSync(json)) {
    const report = JSON.parse(readFileSync(json, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    // Vitest also fails a run for errors outside any test (an unhandled rejection): count it once.
    if (r.status !== 0 && report.numFailedTests === 0) {
      console.error(`${label}: the run failed outside the tests (see the errors above).`);
      totals.failed += 1;
    }
  } else {
    totals.failed += 1;
  }
  if (r.status !== 0) exitCode = 1;
}

run('PGlite: unit and integration', 'server', { TEST_DATABASE_URL: '', CROSS_DATABASE_URL: process.env.TEST_DATABASE_URL ?? '' });
if (process.env.TEST_DATABASE_URL) run('PostgreSQL: unit and integration', 'server', {});
else console.log('\nTEST_DATABASE_URL is not set: the PostgreSQL run is skipped (CI runs it).');

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) run('Browser flows (Chromium, axe)', 'e2e', { TEST_DATABASE_URL: '' });
else if (process.env.CI) {
  console.error(`\nChromium is required in CI and was not found at ${chromium}.`);
  exitCode = 1;
} else console.log(`\nChromium not found at ${chromium}: browser flows skipped (apt-get install chromium to run them).`);

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
