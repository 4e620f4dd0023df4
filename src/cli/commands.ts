import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { demoAdminEmail, demoPassword, seedDemo } from '../demo/seed.ts';
import { createAccountsService, createMembersService, createTokensService } from '../modules/identity/index.ts';
import type { Deps } from '../platform/context.ts';
import { backup, restore } from '../platform/db/backup.ts';
import { createDeps, createLogger } from '../platform/deps.ts';
import { type Role, roles, systemActor } from '../platform/policy/actor.ts';
import { registerImport } from './import.ts';
import { serve } from './serve.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cliCtx = { actor: systemActor, locale: 'fr' as const, requestId: 'cli' };

/** Opens the database for one command and always closes it. */
async function withDeps<T>(config: Config, fn: (deps: Deps) => Promise<T>): Promise<T> {
  const deps = await createDeps(config, { log: createLogger({ ...config, logLevel: 'warn' }) });
  try {
    return await fn(deps);
  } finally {
    await deps.mailer.flush().catch(() => 0);
    await deps.database.close();
  }
}

function buildWebIfMissing() {
  if (existsSync(`${root}/web/dist/index.html`)) return;
  console.log('Building the web app (first start only)…');
  const r = spawnSync(
    process.execPath,
    [`${root}/node_modules/vite/bin/vite.js`, 'build', '--config', `${root}/web/vite.config.ts`, '--logLevel', 'warn'],
    {
      stdio: 'inherit',
      cwd: root,
    },
  );
  if (r.status !== 0) throw new Error('web build failed');
}

export async function main(program: Command, config: Config): Promise<void> {
  program.name('totem').description('Totem, the platform of territorial innovation ecosystems');

  program
    .command('serve')
    .description('start the server (embedded database unless DATABASE_URL is set)')
    .option('--build-web', 'build the web app first if it is not built')
    .option('--no-seed', 'do not load demo data into an empty database')
    .action(async (o: { buildWeb?: boolean; seed: boolean }) => {
      if (o.buildWeb) buildWebIfMissing();
      await serve(config, { seed: o.seed });
    });

  program
    .command('dev')
    .description('development: the server, plus the web app with hot reload on http://localhost:5173')
    .action(async () => {
      const vite = spawn(process.execPath, [`${root}/node_modules/vite/bin/vite.js`, '--config', `${root}/web/vite.config.ts`], {
        stdio: 'inherit',
        cwd: root,
      });
      process.on('exit', () => vite.kill());
      await serve(config, { seed: true });
    });

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(() =>
      withDeps(config, async (deps) => {
        const r = await deps.database.ready();
        console.log(`Migrations applied on ${deps.database.engine}; pending: ${r.pending}.`);
      }),
    );

  program
    .command('seed')
    .description('load the demo ecosystems (idempotent)')
    .action(() =>
      withDeps(config, async (deps) => {
        const r = await seedDemo(deps);
        console.log(r.created ? 'Demo data loaded.' : 'Demo data already present: nothing changed.');
        console.log(`Platform administrator: ${demoAdminEmail} / ${demoPassword}`);
      }),
    );

  const user = program.command('user').description('accounts');
  user
    .command('create')
    .description('create an account, or give an existing one a role')
    .requiredOption('--email <email>')
    .option('--name <name>', 'display name')
    .option('--territory <slug>', 'territory in which to give the role')
    .option('--role <role>', `one of: ${roles.join(', ')}`)
    .option('--password <password>', 'initial password (otherwise the person signs in by e-mailed link)')
    .option('--platform-admin', 'make the account a platform administrator')
    .action((o: { email: string; name?: string; territory?: string; role?: string; password?: string; platformAdmin?: boolean }) =>
      withDeps(config, async (deps) => {
        if (!o.platformAdmin && !(o.territory && o.role)) throw new Error('give --territory and --role, or --platform-admin');
        if (o.role && !roles.includes(o.role as Role)) throw new Error(`unknown role "${o.role}"; roles: ${roles.join(', ')}`);
        if (o.platformAdmin) {
          await createAccountsService(deps).createPlatformAdmin(cliCtx, { email: o.email, displayName: o.name, password: o.password });
          console.log(`${o.email} is a platform administrator.`);
        }
        if (o.territory && o.role) {
          const m = await createMembersService(deps).grant(
            cliCtx,
            o.territory,
            { email: o.email, displayName: o.name, role: o.role as Role },
            o.password,
          );
          console.log(`${m.email} now holds the role ${m.role} in ${o.territory}.`);
        }
      }),
    );

  const token = program.command('token').description('API tokens');
  token
    .command('create')
    .description('create an API token for an account; the secret is printed once')
    .requiredOption('--email <email>')
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--days <days>', 'expires after this many days')
    .action((o: { email: string; name: string; days?: string }) =>
      withDeps(config, async (deps) => {
        const u = await createAccountsService(deps).findByEmail(o.email);
        const t = await createTokensService(deps).create(cliCtx, u.id, {
          name: o.name,
          expiresInDays: o.days ? Number(o.days) : undefined,
        });
        console.log(t.token);
        console.error(`Token "${t.name}" for ${u.email}: shown once, keep it safe.`);
      }),
    );

  program
    .command('backup <file>')
    .description('write a logical backup (restores on PGlite or PostgreSQL)')
    .action((file: string) =>
      withDeps(config, async (deps) => {
        const r = await backup(deps.database, file);
        console.log(`Backup written to ${file}: ${r.rows} rows from ${r.tables} tables.`);
      }),
    );

  program
    .command('restore <file>')
    .description('restore a backup into an empty database')
    .option('--replace', 'delete the current data first')
    .action((file: string, o: { replace?: boolean }) =>
      withDeps(config, async (deps) => {
        const r = await restore(deps.database, file, { replace: o.replace });
        console.log(`Restored ${r.rows} rows from ${file}.`);
      }),
    );

  registerImport(program, (fn) => withDeps(config, fn));

  await program.parseAsync(process.argv);
}
