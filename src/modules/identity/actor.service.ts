import { and, eq, gt, isNull, or } from 'drizzle-orm';
import { sha256 } from '../../platform/auth/secrets.ts';
import type { Deps } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Actor, Role } from '../../platform/policy/actor.ts';
import { apiTokens, memberships, sessions, users } from './identity.tables.ts';

/** How long a session lives without use, and how often its last-seen time is refreshed. */
export const sessionTtlMs = 30 * 24 * 3600 * 1000;
const touchEveryMs = 5 * 60 * 1000;

export async function loadActor(tx: Db, userId: string, via: 'session' | 'token'): Promise<Actor | null> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.disabledAt) return null;
  const grants = await tx
    .select({ territoryId: memberships.territoryId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  const roles = new Map<string, Role[]>();
  for (const g of grants) roles.set(g.territoryId, [...(roles.get(g.territoryId) ?? []), g.role as Role]);
  return { kind: 'user', userId: user.id, email: user.email, displayName: user.displayName, platformAdmin: user.platformAdmin, roles, via };
}

/** Resolves the actor of a request from its session cookie or bearer token (authentication only). */
export function createActorResolver({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  return {
    async fromSession(token: string): Promise<{ actor: Actor; csrf: string; sessionId: string } | null> {
      return database.transaction({ system: true }, async (tx) => {
        const now = clock.now();
        const [s] = await tx
          .select()
          .from(sessions)
          .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, now)))
          .limit(1);
        if (!s) return null;
        const actor = await loadActor(tx, s.userId, 'session');
        if (!actor) return null;
        if (now.getTime() - s.lastSeenAt.getTime() > touchEveryMs) {
          await tx
            .update(sessions)
            .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionTtlMs) })
            .where(eq(sessions.id, s.id));
        }
        return { actor, csrf: s.csrfToken, sessionId: s.id };
      });
    },

    async fromToken(token: string): Promise<Actor | null> {
      return database.transaction({ system: true }, async (tx) => {
        const now = clock.now();
        const [t] = await tx
          .select()
          .from(apiTokens)
          .where(
            and(
              eq(apiTokens.tokenHash, sha256(token)),
              isNull(apiTokens.revokedAt),
              or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
            ),
          )
          .limit(1);
        if (!t) return null;
        if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > touchEveryMs) {
          await tx.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, t.id));
        }
        return loadActor(tx, t.userId, 'token');
      });
    },
  };
}
export type ActorResolver = ReturnType<typeof createActorResolver>;
