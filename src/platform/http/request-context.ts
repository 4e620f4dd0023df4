import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../context.ts';
import { negotiateLocale } from '../i18n/locale.ts';
import { type Actor, anonymous } from '../policy/actor.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** Set when the actor came from a session cookie: such writes need the CSRF header. */
    sessionCsrf: string | null;
    sessionId: string | null;
  }
}

/** The service context of a request: who, in which language, with which request id. */
export function ctxOf(req: FastifyRequest): Ctx {
  return { actor: req.actor ?? anonymous, requestId: String(req.id), locale: negotiateLocale(req.headers['accept-language']), ip: req.ip };
}
