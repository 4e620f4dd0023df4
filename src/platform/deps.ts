import pino, { type Logger } from 'pino';
import type { Config } from '../config.ts';
import { systemClock } from './clock.ts';
import type { Deps } from './context.ts';
import { openDatabase } from './db/client.ts';
import { createMailer } from './mail/mailer.ts';

/** Structured JSON logs; secrets never reach them. */
export function createLogger(config: Config): Logger {
  return pino({
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
  });
}

/** Opens the database (embedded unless DATABASE_URL is set) and builds the process-wide dependencies. */
export async function createDeps(config: Config, opts: { log?: Logger; migrate?: boolean } = {}): Promise<Deps> {
  const log = opts.log ?? createLogger(config);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, migrate: opts.migrate ?? true });
  const mailer = createMailer(database, { smtpUrl: config.smtpUrl, from: config.mailFrom }, log);
  return { database, clock: systemClock, mailer, config, log };
}
