import type { Ctx } from '../../platform/context.ts';
import { AppError, type ErrorCode } from '../../platform/errors/app-error.ts';
import { recordIn, type TerritoryScope, territoryRunner } from '../territories/index.ts';
import { programmesPolicy } from './programmes.policy.ts';

export { sqlState } from '../../platform/db/sql-state.ts';

export type Scoped = TerritoryScope;

/** Runs `fn` in one transaction on a territory, once the programmes module's policy allows `action`. */
export const inTerritory = territoryRunner(programmesPolicy);

/** Records a write of the programmes module in the audit log, in the caller's transaction. */
export const record = recordIn;

/** A 422 on one field of the body, in the reader's language. */
export function fieldError(ctx: Ctx, path: string, code: string, fr: string, en: string): AppError {
  const message = ctx.locale === 'fr' ? fr : en;
  return new AppError('validation_failed', message, { errors: [{ path: `body.${path}`, code, message }] });
}

/** The row, or the module's 404. */
export function found<T>(row: T | undefined, code: ErrorCode, what: string): T {
  if (!row) throw new AppError(code, `no ${what}`);
  return row;
}
