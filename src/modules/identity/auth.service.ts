import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.ts';
import { hashPassword, newSecret, sha256, verifyPassword } from '../../platform/auth/secrets.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Actor } from '../../platform/policy/actor.ts';
import { territories } from '../territories/index.ts';
import { loadActor, sessionTtlMs } from './actor.service.ts';
import type { TSessionInfo } from './identity.contract.ts';
import { emailTokens, loginAttempts, sessions, users } from './identity.tables.ts';
import { magicLinkMail, passwordResetMail } from './mails.ts';

const tokenTtlMs = { magic_link: 15 * 60 * 1000, password_reset: 60 * 60 * 1000 } as const;
type TokenPurpose = keyof typeof tokenTtlMs;

export type NewSession = { token: string; csrfToken: string; expiresAt: Date };

export function createAuthService({ database, clock, mailer, config }: Pick<Deps, 'database' | 'clock' | 'mailer' | 'config'>) {
  async function openSession(tx: Db, userId: string, ctx: Ctx, userAgent?: string): Promise<NewSession> {
    const token = newSecret();
    const csrfToken = newSecret(24);
    const expiresAt = new Date(clock.now().getTime() + sessionTtlMs);
    const [row] = await tx
      .insert(sessions)
      .values({ tokenHash: sha256(token), userId, csrfToken, userAgent: userAgent?.slice(0, 300) ?? null, expiresAt })
      .returning({ id: sessions.id });
    const actor = (await loadActor(tx, userId, 'session')) ?? ctx.actor;
    await audit(tx, actor, { territoryId: null, action: 'sign_in', entity: 'session', entityId: row?.id ?? null }, ctx.requestId);
    return { token, csrfToken, expiresAt };
  }

  /** Refuses when an account or an IP has failed too often within the window. */
  async function checkRateLimit(tx: Db, email: string, ip: string) {
    const since = new Date(clock.now().getTime() - config.loginWindowMinutes * 60_000);
    const [byEmail] = await tx
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
    const [byIp] = await tx
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
    if (Number(byEmail?.n) >= config.loginLimitPerAccount || Number(byIp?.n) >= config.loginLimitPerIp) {
      throw new AppError('rate_limited', `too many failed sign-ins; wait ${config.loginWindowMinutes} minutes`);
    }
  }

  async function issueEmailToken(tx: Db, userId: string, purpose: TokenPurpose): Promise<string> {
    const token = newSecret();
    await tx.insert(emailTokens).values({
      userId,
      purpose,
      tokenHash: sha256(token),
      expiresAt: new Date(clock.now().getTime() + tokenTtlMs[purpose]),
    });
    return token;
  }

  async function consumeEmailToken(tx: Db, token: string, purpose: TokenPurpose): Promise<string> {
    const [row] = await tx
      .update(emailTokens)
      .set({ usedAt: clock.now() })
      .where(
        and(
          eq(emailTokens.tokenHash, sha256(token)),
          eq(emailTokens.purpose, purpose),
          isNull(emailTokens.usedAt),
          gt(emailTokens.expiresAt, clock.now()),
        ),
      )
      .returning({ userId: emailTokens.userId });
    if (!row) throw new AppError('token_invalid');
    return row.userId;
  }

  const findUser = async (tx: Db, email: string) =>
    (await tx.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1))[0];

  return {
    async signIn(ctx: Ctx, email: string, password: string, userAgent?: string): Promise<NewSession> {
      const ip = ctx.ip ?? 'unknown';
      await database.transaction({ system: true }, (tx) => checkRateLimit(tx, email, ip));
      const user = await database.transaction({ system: true }, (tx) => findUser(tx, email));
      const ok = (await verifyPassword(user?.passwordHash ?? null, password)) && !!user && !user.disabledAt;
      if (!ok || !user) {
        // Recorded in its own transaction: the refusal below must not roll it back.
        await database.transaction({ system: true }, (tx) => tx.insert(loginAttempts).values({ email, ip, succeeded: false }));
        throw new AppError('invalid_credentials');
      }
      return database.transaction({ system: true }, async (tx) => {
        await tx.insert(loginAttempts).values({ email, ip, succeeded: true });
        return openSession(tx, user.id, ctx, userAgent);
      });
    },

    async signOut(ctx: Ctx, sessionId: string | null): Promise<void> {
      if (!sessionId) return;
      await database.transaction({ system: true }, async (tx) => {
        const [row] = await tx.delete(sessions).where(eq(sessions.id, sessionId)).returning({ id: sessions.id });
        if (row) await audit(tx, ctx.actor, { territoryId: null, action: 'sign_out', entity: 'session', entityId: row.id }, ctx.requestId);
      });
    },

    /** Always accepted, so that the answer does not reveal which addresses have an account. */
    async requestMagicLink(ctx: Ctx, email: string): Promise<void> {
      await database.transaction({ system: true }, async (tx) => {
        await checkRateLimit(tx, email, ctx.ip ?? 'unknown');
        const user = await findUser(tx, email);
        if (!user || user.disabledAt) return;
        const token = await issueEmailToken(tx, user.id, 'magic_link');
        await mailer.enqueue(tx, magicLinkMail(user, `${config.publicUrl}/sign-in/magic#token=${token}`));
      });
      void mailer.flush();
    },

    async consumeMagicLink(ctx: Ctx, token: string, userAgent?: string): Promise<NewSession> {
      return database.transaction({ system: true }, async (tx) => {
        const userId = await consumeEmailToken(tx, token, 'magic_link');
        return openSession(tx, userId, ctx, userAgent);
      });
    },

    async requestPasswordReset(ctx: Ctx, email: string): Promise<void> {
      await database.transaction({ system: true }, async (tx) => {
        await checkRateLimit(tx, email, ctx.ip ?? 'unknown');
        const user = await findUser(tx, email);
        if (!user || user.disabledAt) return;
        const token = await issueEmailToken(tx, user.id, 'password_reset');
        await mailer.enqueue(tx, passwordResetMail(user, `${config.publicUrl}/reset-password#token=${token}`));
      });
      void mailer.flush();
    },

    /** Sets the new password and ends every open session of the account. */
    async confirmPasswordReset(ctx: Ctx, token: string, password: string): Promise<void> {
      const passwordHash = await hashPassword(password);
      await database.transaction({ system: true }, async (tx) => {
        const userId = await consumeEmailToken(tx, token, 'password_reset');
        await tx.update(users).set({ passwordHash, updatedAt: clock.now() }).where(eq(users.id, userId));
        await tx.delete(sessions).where(eq(sessions.userId, userId));
        const actor = (await loadActor(tx, userId, 'session')) ?? ctx.actor;
        await audit(tx, actor, { territoryId: null, action: 'password_reset', entity: 'user', entityId: userId }, ctx.requestId);
      });
    },

    async sessionInfo(actor: Actor, csrfToken: string | null): Promise<TSessionInfo> {
      if (actor.kind !== 'user') return { authenticated: false, user: null, memberships: [], csrfToken: null };
      return database.transaction({ system: true }, async (tx) => {
        const [user] = await tx.select().from(users).where(eq(users.id, actor.userId));
        const all = await tx.select({ id: territories.id, slug: territories.slug, name: territories.name }).from(territories);
        const memberships = all
          .filter((t) => actor.roles.has(t.id))
          .map((t) => ({ territoryId: t.id, slug: t.slug, name: t.name, roles: [...(actor.roles.get(t.id) ?? [])] }));
        return {
          authenticated: true,
          user: user
            ? { id: user.id, email: user.email, displayName: user.displayName, locale: user.locale, platformAdmin: user.platformAdmin }
            : null,
          memberships,
          csrfToken,
        };
      });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
