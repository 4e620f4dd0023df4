import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callsRoutes, createCallsServices, uploadLimits } from './modules/calls/index.ts';
import { createDirectoryServices, directoryRoutes } from './modules/directory/index.ts';
import {
  createActorResolver,
  createAuthService,
  createMembersService,
  createTokensService,
  identityRoutes,
  sessionCookie,
} from './modules/identity/index.ts';
import { createPlacesServices, placesRoutes } from './modules/places/index.ts';
import { createProgrammesServices, programmesRoutes } from './modules/programmes/index.ts';
import { createTerritoriesService, territoriesRoutes } from './modules/territories/index.ts';
import type { Deps } from './platform/context.ts';
import { AppError } from './platform/errors/app-error.ts';
import { errorHandler, notFoundHandler, sendProblem, ZProblem } from './platform/errors/problem.ts';
import type { RouteDef } from './platform/http/route.ts';
import { anonymous } from './platform/policy/actor.ts';
import './platform/http/request-context.ts';
import { validatorCompiler } from './platform/http/validator.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its declared access: read by the security suite and the OpenAPI document. */
    totemRoutes: RouteDef[];
  }
  interface FastifyContextConfig {
    access?: RouteDef['access'];
  }
}

const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type AppOptions = { logger?: boolean | object; serveWeb?: boolean };

/** Builds the HTTP application around already-open dependencies (database, mailer, clock). */
export async function buildApp(deps: Deps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: opts.logger === false ? undefined : deps.log,
    logger: opts.logger === false ? false : undefined,
    bodyLimit: config.bodyLimit,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: process.env.TRUST_PROXY === '1',
    routerOptions: { maxParamLength: 200 },
    // Errors raised while routing (bad percent-encoding, over-long params) also leave as problem+json.
    frameworkErrors: errorHandler,
    ajv: { customOptions: { removeAdditional: false } },
  } as never) as unknown as FastifyInstance;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    return payload;
  });

  await app.register(fastifyCookie);
  // Application files (calls): parsed only by the routes that ask for them, within these limits.
  await app.register(fastifyMultipart, { limits: uploadLimits });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Totem API', version: '1', description: 'The API of Totem, the platform of territorial innovation ecosystems.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookie },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: createJsonSchemaTransform({ skipList: ['/api/docs', '/api/docs/*', '/api/openapi.json', '/healthz', '/readyz'] }),
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Authentication: resolve the actor once per request; a bad cookie or token is simply anonymous.
  const resolver = createActorResolver(deps);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionCsrf', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (req) => {
    req.actor = anonymous;
    if (!req.url.startsWith('/api/')) return;
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const actor = await resolver.fromToken(header.slice(7).trim());
      if (!actor) throw new AppError('unauthenticated', 'invalid or revoked API token');
      req.actor = actor;
      return;
    }
    const cookie = req.cookies[sessionCookie];
    if (cookie && cookie.length < 200) {
      const s = await resolver.fromSession(cookie);
      if (s) {
        req.actor = s.actor;
        req.sessionCsrf = s.csrf;
        req.sessionId = s.sessionId;
      }
    }
  });
  // CSRF: a write authenticated by the session cookie must carry the session's token in a header.
  app.addHook('preHandler', async (req, reply) => {
    if (!unsafeMethods.has(req.method) || !req.sessionCsrf) return;
    const sent = req.headers['x-csrf-token'];
    if (sent !== req.sessionCsrf) return sendProblem(req, reply, 'csrf_failed');
  });

  const territories = createTerritoriesService(deps);
  const routes: RouteDef[] = [
    ...territoriesRoutes(territories),
    ...directoryRoutes(createDirectoryServices(deps)),
    ...placesRoutes(createPlacesServices(deps)),
    ...callsRoutes(createCallsServices(deps)),
    ...programmesRoutes(createProgrammesServices(deps)),
    ...identityRoutes({
      auth: createAuthService(deps),
      members: createMembersService(deps),
      tokens: createTokensService(deps),
      resolver,
      config,
    }),
  ];
  app.decorate('totemRoutes', routes);
  for (const r of routes) {
    app.route({
      method: r.method,
      url: r.url,
      config: { access: r.access },
      schema: {
        ...r.schema,
        summary: r.summary,
        tags: r.tags,
        response: { ...r.schema.response, '4XX': ZProblem, '5XX': ZProblem },
        ...(r.access.kind === 'public' ? {} : { security: [{ session: [] }, { bearer: [] }] }),
      },
      handler: r.handler as never,
    });
  }

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({
    status: 'ok' as const,
  }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    const r = await deps.database.ready().catch(() => ({ ok: false, pending: -1 }));
    reply.code(r.ok ? 200 : 503);
    return { status: r.ok ? 'ready' : 'not_ready', engine: deps.database.engine, pendingMigrations: r.pending };
  });

  const serveWeb = opts.serveWeb !== false && existsSync(webDist);
  if (!serveWeb) app.setNotFoundHandler(notFoundHandler);
  if (serveWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
    // The web app routes on the client: unknown non-API paths get its index page.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html')) {
        return reply.sendFile('index.html');
      }
      return notFoundHandler(req, reply);
    });
  }
  return app;
}
