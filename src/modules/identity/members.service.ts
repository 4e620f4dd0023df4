import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { audit } from '../../platform/audit/audit.ts';
import { hashPassword, newSecret, sha256 } from '../../platform/auth/secrets.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import { type Db, enterTerritory } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Role } from '../../platform/policy/actor.ts';
import { authorize } from '../../platform/policy/policy.ts';
import { requireTerritory } from '../territories/index.ts';
import type { TGrantRoleRequest } from './identity.contract.ts';
import { identityPolicy } from './identity.policy.ts';
import { emailTokens, memberships, users } from './identity.tables.ts';
import { invitationMail } from './mails.ts';

type Page = { page: number; pageSize: number };

/** Finds an account by e-mail or creates it (without a password: the person signs in by link). */
export async function ensureUser(tx: Db, email: string, displayName: string | undefined, password?: string) {
  const [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
  if (existing) return { user: existing, created: false };
  const [user] = await tx
    .insert(users)
    .values({
      email: email.toLowerCase(),
      displayName: displayName ?? email.split('@')[0] ?? email,
      passwordHash: password ? await hashPassword(password) : null,
    })
    .returning();
  if (!user) throw new AppError('internal');
  return { user, created: true };
}

export function createMembersService({ database, mailer, config }: Pick<Deps, 'database' | 'mailer' | 'config'>) {
  return {
    async list(ctx: Ctx, slug: string, { page, pageSize }: Page) {
      return database.transaction({ territoryId: null }, async (tx) => {
        const t = await requireTerritory(tx, slug);
        authorize(identityPolicy, ctx.actor, 'member.list', { territoryId: t.id });
        await enterTerritory(tx, t.id);
        const rows = await tx
          .select({ m: memberships, email: users.email, displayName: users.displayName })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(eq(memberships.territoryId, t.id))
          .orderBy(asc(users.displayName), asc(memberships.role))
          .limit(pageSize)
          .offset((page - 1) * pageSize);
        const [total] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.territoryId, t.id));
        return {
          items: rows.map((r) => ({
            id: r.m.id,
            userId: r.m.userId,
            email: r.email,
            displayName: r.displayName,
            role: r.m.role as Role,
            createdAt: r.m.createdAt.toISOString(),
          })),
          total: Number(total?.n ?? 0),
          page,
          pageSize,
        };
      });
    },

    /** Gives a role to a person by e-mail, creating and inviting the account if needed. */
    async grant(ctx: Ctx, slug: string, input: TGrantRoleRequest, password?: string) {
      const result = await database.transaction({ territoryId: null }, async (tx) => {
        const t = await requireTerritory(tx, slug);
        authorize(identityPolicy, ctx.actor, 'member.grant', { territoryId: t.id });
        // Accounts are global; creating one needs the system role, the grant itself stays in the territory.
        await tx.execute(sql`SET LOCAL ROLE NONE`);
        const { user, created } = await ensureUser(tx, input.email, input.displayName, password);
        if (created)
          await audit(
            tx,
            ctx.actor,
            { territoryId: t.id, action: 'create', entity: 'user', entityId: user.id, after: user },
            ctx.requestId,
          );
        await tx.execute(sql`SET LOCAL ROLE totem_app`);
        await enterTerritory(tx, t.id);
        const [dup] = await tx
          .select({ id: memberships.id })
          .from(memberships)
          .where(and(eq(memberships.territoryId, t.id), eq(memberships.userId, user.id), eq(memberships.role, input.role)));
        if (dup) throw new AppError('conflict', `${input.email} already holds the role ${input.role}`);
        const [m] = await tx.insert(memberships).values({ territoryId: t.id, userId: user.id, role: input.role }).returning();
        if (!m) throw new AppError('internal');
        await audit(
          tx,
          ctx.actor,
          { territoryId: t.id, action: 'grant', entity: 'membership', entityId: m.id, after: { ...m, email: user.email } },
          ctx.requestId,
        );
        if (created && !password) {
          const token = newSecret();
          await tx.execute(sql`SET LOCAL ROLE NONE`);
          await tx
            .insert(emailTokens)
            .values({ userId: user.id, purpose: 'magic_link', tokenHash: sha256(token), expiresAt: new Date(Date.now() + 15 * 60_000) });
          await mailer.enqueue(tx, invitationMail(user, t.name, input.role, `${config.publicUrl}/sign-in/magic#token=${token}`));
        }
        return {
          id: m.id,
          userId: user.id,
          email: user.email,
          displayName: user.displayName,
          role: m.role as Role,
          createdAt: m.createdAt.toISOString(),
        };
      });
      void mailer.flush();
      return result;
    },

    async revoke(ctx: Ctx, slug: string, membershipId: string) {
      await database.transaction({ territoryId: null }, async (tx) => {
        const t = await requireTerritory(tx, slug);
        authorize(identityPolicy, ctx.actor, 'member.revoke', { territoryId: t.id });
        await enterTerritory(tx, t.id);
        const [m] = await tx
          .delete(memberships)
          .where(and(eq(memberships.id, membershipId), eq(memberships.territoryId, t.id)))
          .returning();
        if (!m) throw new AppError('not_found', 'no such membership in this territory');
        await audit(tx, ctx.actor, { territoryId: t.id, action: 'revoke', entity: 'membership', entityId: m.id, before: m }, ctx.requestId);
      });
    },

    /** The territory's audit log, newest first. */
    async auditLog(ctx: Ctx, slug: string, { page, pageSize }: Page) {
      return database.transaction({ territoryId: null }, async (tx) => {
        const t = await requireTerritory(tx, slug);
        authorize(identityPolicy, ctx.actor, 'audit.read', { territoryId: t.id });
        await enterTerritory(tx, t.id);
        const rows = await tx
          .select()
          .from(auditLog)
          .where(eq(auditLog.territoryId, t.id))
          .orderBy(desc(auditLog.at), desc(auditLog.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize);
        const [total] = await tx.select({ n: count() }).from(auditLog).where(eq(auditLog.territoryId, t.id));
        return {
          items: rows.map((r) => ({
            id: r.id,
            at: r.at.toISOString(),
            actorLabel: r.actorLabel,
            action: r.action,
            entity: r.entity,
            entityId: r.entityId,
            before: r.before ?? null,
            after: r.after ?? null,
          })),
          total: Number(total?.n ?? 0),
          page,
          pageSize,
        };
      });
    },
  };
}
export type MembersService = ReturnType<typeof createMembersService>;
