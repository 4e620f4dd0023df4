/** Identity: accounts, sessions, API tokens, roles per territory, and the audit log's reading. */

export { createAccountsService } from './accounts.service.ts';
export { type ActorResolver, createActorResolver, loadActor } from './actor.service.ts';
export { type AuthService, createAuthService } from './auth.service.ts';
export { identityRoutes, sessionCookie } from './identity.routes.ts';
export { memberships, users } from './identity.tables.ts';
export { createIdentityMaintenance } from './maintenance.service.ts';
export { createMembersService, ensureUser, type MembersService } from './members.service.ts';
export { createTokensService, type TokensService } from './tokens.service.ts';
