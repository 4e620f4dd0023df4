import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import { seedDemo } from '../demo/seed.ts';
import { createPlacesServices } from '../modules/places/index.ts';
import { createProgrammesServices } from '../modules/programmes/index.ts';
import { createDeps } from '../platform/deps.ts';
import { hourlyMaintenance } from './maintenance.ts';

/** Starts Totem; stops gracefully on SIGTERM/SIGINT, letting in-flight requests finish. */
export async function serve(config: Config, opts: { seed: boolean }): Promise<void> {
  const deps = await createDeps(config);
  if (opts.seed) {
    const r = await seedDemo(deps);
    if (r.created) deps.log.info('demo data loaded');
  }
  const app = await buildApp(deps);
  const timer = setInterval(() => void deps.mailer.flush().catch((err) => deps.log.warn({ err }, 'mail flush failed')), 30_000);
  timer.unref();
  // Monthly KPI requests go out from the 1st (territory's zone) and reminders after 7 and 14 days;
  // the job is idempotent, so running it every hour only catches up after a stop.
  const { kpi } = createProgrammesServices(deps);
  const hourly = setInterval(() => {
    void hourlyMaintenance(deps).catch((err) => deps.log.warn({ err }, 'hourly purge failed'));
    void kpi.runMonthly().catch((err) => deps.log.warn({ err }, 'monthly KPI requests failed'));
  }, 3_600_000);
  hourly.unref();
  // Bookings not checked in within their resource's grace period free their slot as no-shows.
  const { moves } = createPlacesServices(deps);
  const minutely = setInterval(() => void moves.releaseNoShows().catch((err) => deps.log.warn({ err }, 'no-show release failed')), 60_000);
  minutely.unref();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.log.info({ signal }, 'shutting down: finishing in-flight requests');
    clearInterval(timer);
    clearInterval(hourly);
    clearInterval(minutely);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    // Keep-alive connections that finish their request during the close would otherwise stay open
    // for Fastify's keep-alive timeout: close each one as soon as it falls idle.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
    await app.close();
    clearInterval(sweep);
    // Let a delivery already under way finish before the database goes.
    await deps.mailer.flush().catch(() => 0);
    await deps.database.close();
    deps.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  deps.log.info(
    { url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`, engine: deps.database.engine },
    'Totem is ready',
  );
}
