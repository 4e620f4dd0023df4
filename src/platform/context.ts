import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db/client.ts';
import type { Locale } from './i18n/locale.ts';
import type { Mailer } from './mail/mailer.ts';
import type { Actor } from './policy/actor.ts';

/** Process-wide dependencies, built once at start; services pick what they need. */
export type Deps = { database: Database; clock: Clock; mailer: Mailer; config: Config; log: Logger };

/** Per-call context handed to services by routes, the CLI and jobs. */
export type Ctx = { actor: Actor; requestId?: string; locale: Locale; ip?: string };
