/**
 * The organisation a person books on behalf of. Accounts and the directory's people are linked by
 * their e-mail: a signed-in person may book for an organisation they hold a current affiliation
 * with in the territory's directory (not ended, already started, on the territory's today).
 */
import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors/app-error.ts';
import { todayIn } from '../../platform/time/index.ts';
import { currentOrganizationsOf } from '../directory/index.ts';
import { users } from '../identity/index.ts';
import type { Scoped } from './scope.ts';

/** The organisations the account is currently affiliated with in the territory, by name. */
export async function bookerOrganizations(s: Scoped, userId: string, now: Date, only?: string) {
  const [account] = await s.tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  return account ? currentOrganizationsOf(s.tx, account.email, todayIn(s.territory.timeZone, now), only) : [];
}

/**
 * The organisation id a booking is made for, checked: null when none is asked; a 422 at the field
 * when the booker is a visitor or holds no current affiliation with it.
 */
export async function bookingOrganization(
  s: Scoped,
  userId: string | null,
  organizationId: string | undefined,
  now: Date,
): Promise<string | null> {
  if (!organizationId) return null;
  const found = userId ? await bookerOrganizations(s, userId, now, organizationId) : [];
  if (found.length) return organizationId;
  const message =
    s.ctx.locale === 'fr'
      ? 'Vous ne pouvez réserver qu’au nom d’une organisation à laquelle vous êtes rattaché·e dans l’annuaire.'
      : 'You may only book on behalf of an organisation you are affiliated with in the directory.';
  throw new AppError('validation_failed', 'the booker is not affiliated with this organisation', {
    errors: [{ path: 'body.organizationId', code: 'not_affiliated', message }],
  });
}
