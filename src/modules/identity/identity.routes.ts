import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import type { ActorResolver } from './actor.service.ts';
import type { AuthService, NewSession } from './auth.service.ts';
import {
  ZAccepted,
  ZCreatedToken,
  ZCreateTokenRequest,
  ZEmailRequest,
  ZGrantRoleRequest,
  ZMember,
  ZMemberList,
  ZMemberParams,
  ZPageQuery,
  ZPasswordResetConfirm,
  ZSessionInfo,
  ZSignInRequest,
  ZTokenList,
  ZTokenParams,
  ZTokenRequest,
} from './identity.contract.ts';
import type { MembersService } from './members.service.ts';
import type { TokensService } from './tokens.service.ts';

export const sessionCookie = 'totem_session';

const ZSlugParams = z.strictObject({
  slug: z
    .string()
    .min(2)
    .max(60)
    .regex(/^[a-z0-9-]+$/),
});
const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actorLabel: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
const ZAuditPage = z.object({ items: z.array(ZAuditEntry), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

type Services = { auth: AuthService; members: MembersService; tokens: TokensService; resolver: ActorResolver; config: Config };

export function identityRoutes({ auth, members, tokens, resolver, config }: Services) {
  /** The sign-in request itself was anonymous: answer with the actor of the new session. */
  const sessionAfterSignIn = async (req: FastifyRequest, s: NewSession) => {
    const resolved = await resolver.fromSession(s.token);
    return auth.sessionInfo(resolved?.actor ?? req.actor, s.csrfToken);
  };
  const setCookie = (reply: FastifyReply, s: NewSession) =>
    reply.setCookie(sessionCookie, s.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      path: '/',
      expires: s.expiresAt,
    });
  const tags = ['identity'];
  const userIdOf = (actor: ReturnType<typeof ctxOf>['actor']) => {
    if (actor.kind !== 'user') throw new AppError('unauthenticated');
    return actor.userId;
  };

  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/auth/session',
      summary: 'Who is signed in, their territories and roles, and the CSRF token for writes',
      tags,
      access: { kind: 'public' },
      schema: { response: { 200: ZSessionInfo } },
      handler: async (req) => auth.sessionInfo(req.actor, req.sessionCsrf),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      summary: 'Sign in with e-mail and password (sets the session cookie)',
      tags,
      access: { kind: 'public' },
      write: true,
      schema: { body: ZSignInRequest, response: { 200: ZSessionInfo } },
      handler: async (req, reply) => {
        const s = await auth.signIn(ctxOf(req), req.body.email, req.body.password, req.headers['user-agent']);
        setCookie(reply, s);
        return sessionAfterSignIn(req, s);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      summary: 'Sign out (ends the session)',
      tags,
      access: { kind: 'public' },
      write: true,
      schema: { response: { 204: z.null() } },
      handler: async (req, reply) => {
        await auth.signOut(ctxOf(req), req.sessionId);
        reply.clearCookie(sessionCookie, { path: '/' });
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/magic-link',
      summary: 'Send a sign-in link by e-mail',
      tags,
      access: { kind: 'public' },
      write: true,
      schema: { body: ZEmailRequest, response: { 202: ZAccepted } },
      handler: async (req, reply) => {
        await auth.requestMagicLink(ctxOf(req), req.body.email);
        reply.code(202);
        return { accepted: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/magic-link/verify',
      summary: 'Sign in with the token of a sign-in link',
      tags,
      access: { kind: 'public' },
      write: true,
      schema: { body: ZTokenRequest, response: { 200: ZSessionInfo } },
      handler: async (req, reply) => {
        const s = await auth.consumeMagicLink(ctxOf(req), req.body.token, req.headers['user-agent']);
        setCookie(reply, s);
        return sessionAfterSignIn(req, s);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      summary: 'Send a password-reset link by e-mail',
      tags,
      access: { kind: 'public' },
      write: true,
      schema: { body: ZEmailRequest, response: { 202: ZAccepted } },
      handler: async (req, reply) => {
        await auth.requestPasswordReset(ctxOf(req), req.body.email);
        reply.code(202);
        return { accepted: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      summary: 'Choose a new password with the token of a reset link',
      tags,
      access: { kind: 'public' },
      write: true,
      schema: { body: ZPasswordResetConfirm, response: { 204: z.null() } },
      handler: async (req, reply) => {
        await auth.confirmPasswordReset(ctxOf(req), req.body.token, req.body.password);
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/me/tokens',
      summary: 'My API tokens',
      tags,
      access: { kind: 'signed_in' },
      schema: { response: { 200: ZTokenList } },
      handler: async (req) => ({ items: await tokens.list(ctxOf(req), userIdOf(req.actor)) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/me/tokens',
      summary: 'Create an API token (the secret is shown once)',
      tags,
      access: { kind: 'signed_in' },
      write: true,
      schema: { body: ZCreateTokenRequest, response: { 201: ZCreatedToken } },
      handler: async (req, reply) => {
        reply.code(201);
        return tokens.create(ctxOf(req), userIdOf(req.actor), req.body);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/me/tokens/:tokenId',
      summary: 'Revoke one of my API tokens',
      tags,
      access: { kind: 'signed_in' },
      write: true,
      schema: { params: ZTokenParams, response: { 204: z.null() } },
      handler: async (req, reply) => {
        await tokens.revoke(ctxOf(req), userIdOf(req.actor), req.params.tokenId);
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/territories/:slug/members',
      summary: 'People holding a role in the territory',
      tags,
      access: { kind: 'territory', roles: ['admin'] },
      schema: { params: ZSlugParams, querystring: ZPageQuery, response: { 200: ZMemberList } },
      handler: async (req) => members.list(ctxOf(req), req.params.slug, req.query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/territories/:slug/members',
      summary: 'Give a role to a person (invites them if they have no account)',
      tags,
      access: { kind: 'territory', roles: ['admin'] },
      write: true,
      schema: { params: ZSlugParams, body: ZGrantRoleRequest, response: { 201: ZMember } },
      handler: async (req, reply) => {
        reply.code(201);
        return members.grant(ctxOf(req), req.params.slug, req.body);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/territories/:slug/members/:membershipId',
      summary: 'Take a role back',
      tags,
      access: { kind: 'territory', roles: ['admin'] },
      write: true,
      schema: { params: ZMemberParams, response: { 204: z.null() } },
      handler: async (req, reply) => {
        await members.revoke(ctxOf(req), req.params.slug, req.params.membershipId);
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/territories/:slug/audit',
      summary: "The territory's audit log, newest first",
      tags,
      access: { kind: 'territory', roles: ['admin'] },
      schema: { params: ZSlugParams, querystring: ZPageQuery, response: { 200: ZAuditPage } },
      handler: async (req) => members.auditLog(ctxOf(req), req.params.slug, req.query),
    }),
  ];
}
