/** Roles a person may hold in a territory. */
export const roles = ['admin', 'staff', 'reviewer', 'place_manager', 'council_member', 'member'] as const;
export type Role = (typeof roles)[number];

/** Who is making a request: resolved once per request by the auth layer. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      email: string;
      displayName: string;
      platformAdmin: boolean;
      /** Roles by territory id. */
      roles: ReadonlyMap<string, readonly Role[]>;
      via: 'session' | 'token' | 'system';
    };

export const anonymous: Actor = { kind: 'anonymous' };

/** The actor used by the CLI and jobs: a platform administrator with no account. */
export const systemActor: Actor = {
  kind: 'user',
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'system@totem.local',
  displayName: 'Totem (system)',
  platformAdmin: true,
  roles: new Map(),
  via: 'system',
};

export function rolesIn(actor: Actor, territoryId: string): readonly Role[] {
  return actor.kind === 'user' ? (actor.roles.get(territoryId) ?? []) : [];
}

export function hasRole(actor: Actor, territoryId: string, ...wanted: Role[]): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.platformAdmin) return true;
  const held = rolesIn(actor, territoryId);
  return wanted.some((r) => held.includes(r));
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' && actor.via !== 'system' ? actor.userId : null;
}

export function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? actor.email : 'anonymous';
}
