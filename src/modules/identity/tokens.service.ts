import { and, desc, eq, isNull } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.ts';
import { newSecret, sha256 } from '../../platform/auth/secrets.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { authorize } from '../../platform/policy/policy.ts';
import { identityPolicy } from './identity.policy.ts';
import { apiTokens } from './identity.tables.ts';

type Row = typeof apiTokens.$inferSelect;
const toDto = (t: Row) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
});

/** Bearer tokens for integrations. The secret is returned once; only its hash is kept. */
export function createTokensService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  return {
    async create(ctx: Ctx, userId: string, input: { name: string; expiresInDays?: number | undefined }) {
      authorize(identityPolicy, ctx.actor, 'token.manage', { territoryId: null, userId });
      const secret = `totem_${newSecret()}`;
      const expiresAt = input.expiresInDays ? new Date(clock.now().getTime() + input.expiresInDays * 86_400_000) : null;
      return database.transaction({ system: true }, async (tx) => {
        const [row] = await tx
          .insert(apiTokens)
          .values({ userId, name: input.name, prefix: secret.slice(0, 12), tokenHash: sha256(secret), expiresAt })
          .returning();
        if (!row) throw new AppError('internal');
        await audit(
          tx,
          ctx.actor,
          { territoryId: null, action: 'create', entity: 'api_token', entityId: row.id, after: toDto(row) },
          ctx.requestId,
        );
        return { ...toDto(row), token: secret };
      });
    },

    async list(ctx: Ctx, userId: string) {
      authorize(identityPolicy, ctx.actor, 'token.manage', { territoryId: null, userId });
      return database.transaction({ system: true }, async (tx) =>
        (
          await tx
            .select()
            .from(apiTokens)
            .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
            .orderBy(desc(apiTokens.createdAt))
        ).map(toDto),
      );
    },

    async revoke(ctx: Ctx, userId: string, tokenId: string) {
      authorize(identityPolicy, ctx.actor, 'token.manage', { territoryId: null, userId });
      await database.transaction({ system: true }, async (tx) => {
        const [row] = await tx
          .update(apiTokens)
          .set({ revokedAt: clock.now() })
          .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
          .returning();
        if (!row) throw new AppError('not_found', 'no such token');
        await audit(
          tx,
          ctx.actor,
          { territoryId: null, action: 'revoke', entity: 'api_token', entityId: row.id, before: toDto(row) },
          ctx.requestId,
        );
      });
    },
  };
}
export type TokensService = ReturnType<typeof createTokensService>;
