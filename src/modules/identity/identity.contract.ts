import { z } from 'zod';
import { roles } from '../../platform/policy/actor.ts';

export const ZEmail = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const ZPassword = z.string().min(10, 'at least 10 characters').max(200);
export const ZRole = z.enum(roles);

export const ZSignInRequest = z.strictObject({ email: ZEmail, password: z.string().min(1).max(200) });
export const ZEmailRequest = z.strictObject({ email: ZEmail });
export const ZTokenRequest = z.strictObject({ token: z.string().min(16).max(200) });
export const ZPasswordResetConfirm = z.strictObject({ token: z.string().min(16).max(200), password: ZPassword });

export const ZMembershipSummary = z.object({
  territoryId: z.uuid(),
  slug: z.string(),
  name: z.string(),
  roles: z.array(ZRole),
});

export const ZSessionInfo = z
  .object({
    authenticated: z.boolean(),
    user: z.object({ id: z.uuid(), email: z.string(), displayName: z.string(), locale: z.string(), platformAdmin: z.boolean() }).nullable(),
    memberships: z.array(ZMembershipSummary),
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'SessionInfo' });
export type TSessionInfo = z.infer<typeof ZSessionInfo>;

export const ZAccepted = z.object({ accepted: z.literal(true) });

export const ZMember = z
  .object({ id: z.uuid(), userId: z.uuid(), email: z.string(), displayName: z.string(), role: ZRole, createdAt: z.iso.datetime() })
  .meta({ id: 'Member' });
export const ZMemberList = z.object({
  items: z.array(ZMember),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZPageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZGrantRoleRequest = z.strictObject({
  email: ZEmail,
  displayName: z.string().trim().min(1).max(120).optional(),
  role: ZRole,
});
export type TGrantRoleRequest = z.infer<typeof ZGrantRoleRequest>;

export const ZMemberParams = z.strictObject({
  slug: z
    .string()
    .min(2)
    .max(60)
    .regex(/^[a-z0-9-]+$/),
  membershipId: z.uuid(),
});

export const ZCreateTokenRequest = z.strictObject({
  name: z.string().trim().min(1).max(80),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const ZApiToken = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiToken' });
export const ZCreatedToken = ZApiToken.extend({ token: z.string() });
export const ZTokenList = z.object({ items: z.array(ZApiToken) });
export const ZTokenParams = z.strictObject({ tokenId: z.uuid() });

export const ZUpdateMeRequest = z.strictObject({
  displayName: z.string().trim().min(1).max(120).optional(),
  locale: z.enum(['fr', 'en']).optional(),
});
