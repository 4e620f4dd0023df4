import { audit } from '../../platform/audit/audit.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError, type ErrorCode } from '../../platform/errors/app-error.ts';
import { inTerritoryScope, type TerritoryScope } from '../territories/index.ts';
import { type ProgrammesAction, programmesPolicy } from './programmes.policy.ts';

export type Scoped = TerritoryScope;

/** Runs `fn` in one transaction on a territory, once the programmes module's policy allows `action`. */
export function inTerritory<T>(
  database: Deps['database'],
  ctx: Ctx,
  slug: string,
  action: ProgrammesAction,
  fn: (scope: Scoped) => Promise<T>,
): Promise<T> {
  return inTerritoryScope(database, ctx, slug, programmesPolicy, action, fn);
}

/** Records a write of the programmes module in the audit log, in the caller's transaction. */
export function record(
  { tx, territory, ctx }: Scoped,
  action: string,
  entity: string,
  entityId: string,
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  return audit(tx, ctx.actor, { territoryId: territory.id, action, entity, entityId, ...change }, ctx.requestId);
}

/** A 422 on one field of the body, in the reader's language. */
export function fieldError(ctx: Ctx, path: string, code: string, fr: string, en: string): AppError {
  const message = ctx.locale === 'fr' ? fr : en;
  return new AppError('validation_failed', message, { errors: [{ path: `body.${path}`, code, message }] });
}

/** The SQLSTATE of a database error, looked for along its causes (drivers wrap it differently). */
export function sqlState(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** The row, or the module's 404. */
export function found<T>(row: T | undefined, code: ErrorCode, what: string): T {
  if (!row) throw new AppError(code, `no ${what}`);
  return row;
}
