import type { FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { ZodType } from 'zod';
import type { Role } from '../policy/actor.ts';

/**
 * Who a route is meant for. Declared by every route; the service's policy enforces it,
 * and the security suite checks that the two agree for every route × actor.
 * `territory` routes name their territory with the `:slug` path parameter.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'signed_in' }
  | { kind: 'territory'; roles: readonly Role[] }
  | { kind: 'platform_admin' };

type Schemas = {
  params?: ZodType;
  querystring?: ZodType;
  body?: ZodType;
  response: Record<number, ZodType>;
};

type Infer<S, K extends keyof Schemas> = S extends Record<K, infer T extends ZodType> ? T['_output'] : undefined;

export type RouteRequest<S extends Schemas> = FastifyRequest & {
  params: Infer<S, 'params'>;
  query: Infer<S, 'querystring'>;
  body: Infer<S, 'body'>;
};

export type RouteDef<S extends Schemas = Schemas> = {
  method: HTTPMethods;
  url: string;
  summary: string;
  tags: string[];
  access: Access;
  /** A write changes data: the security suite checks that refused writes change nothing. */
  write?: boolean;
  schema: S;
  handler: (req: RouteRequest<S>, reply: FastifyReply) => Promise<unknown>;
};

/** Declares a route with its contract and its access; a module exports a list of these. */
export function defineRoute<S extends Schemas>(def: RouteDef<S>): RouteDef {
  return def as unknown as RouteDef;
}
