import { eq } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { authorize } from '../../platform/policy/policy.ts';
import { identityPolicy } from './identity.policy.ts';
import { users } from './identity.tables.ts';
import { ensureUser } from './members.service.ts';

/** Accounts outside any territory: platform administrators, and look-ups by e-mail for the CLI. */
export function createAccountsService({ database }: Pick<Deps, 'database'>) {
  return {
    async createPlatformAdmin(ctx: Ctx, input: { email: string; displayName?: string; password?: string }) {
      authorize(identityPolicy, ctx.actor, 'user.create', { territoryId: null });
      if (ctx.actor.kind !== 'user' || !ctx.actor.platformAdmin) throw new AppError('forbidden');
      return database.transaction({ system: true }, async (tx) => {
        const { user } = await ensureUser(tx, input.email, input.displayName, input.password);
        const [after] = await tx.update(users).set({ platformAdmin: true, updatedAt: new Date() }).where(eq(users.id, user.id)).returning();
        await audit(
          tx,
          ctx.actor,
          { territoryId: null, action: 'grant', entity: 'platform_admin', entityId: user.id, before: user, after },
          ctx.requestId,
        );
        return after ?? user;
      });
    },

    async findByEmail(email: string) {
      return database.transaction({ system: true }, async (tx) => {
        const [u] = await tx.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
        if (!u) throw new AppError('user_not_found', `no account for ${email}`);
        return u;
      });
    },
  };
}
