import { isNotNull, lt, or } from 'drizzle-orm';
import type { Deps } from '../../platform/context.ts';
import { emailTokens, loginAttempts, sessions } from './identity.tables.ts';

/** Retention: sign-in attempts are kept one day, expired sessions and used or expired e-mail tokens are deleted. */
export function createIdentityMaintenance({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  return {
    async purgeExpired(): Promise<{ sessions: number; attempts: number; tokens: number }> {
      const now = clock.now();
      const dayAgo = new Date(now.getTime() - 86_400_000);
      return database.transaction({ system: true }, async (tx) => {
        const s = await tx.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
        const a = await tx.delete(loginAttempts).where(lt(loginAttempts.at, dayAgo)).returning({ id: loginAttempts.id });
        const t = await tx
          .delete(emailTokens)
          .where(or(lt(emailTokens.expiresAt, now), isNotNull(emailTokens.usedAt)))
          .returning({ id: emailTokens.id });
        return { sessions: s.length, attempts: a.length, tokens: t.length };
      });
    },
  };
}
