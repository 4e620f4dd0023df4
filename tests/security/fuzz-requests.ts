import fc from 'fast-check';
import type { RouteDef } from '../../src/platform/http/route.ts';
import {
  deepJson,
  hostileContentTypes,
  hostileHeaders,
  hostileKeys,
  hostileParamValues,
  hostileQueryParts,
  hostileValue,
  malformedJsonTexts,
  rawNumberLiterals,
} from './hostile.ts';
import { jsonSchemaOf, pathParams, type RouteInput, urlFor } from './route-inputs.ts';

export type FuzzActor = 'anonymous' | 'platform admin (session)' | 'platform admin (token)';
export const fuzzActors: FuzzActor[] = ['anonymous', 'platform admin (session)', 'platform admin (token)'];

/** One malformed or hostile request, described so that a failure can be read and replayed. */
export type FuzzRequest = {
  kind: string;
  actor: FuzzActor;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
};

/** Over the 1 MiB body limit. */
const oversized = `{"x":"${'a'.repeat(1_100_000)}"}`;
const otherMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

type Mutation = {
  kind: string;
  method?: string;
  params?: Record<string, string>;
  rawParams?: boolean;
  query?: string;
  headers?: Record<string, string>;
  payload?: string;
  /** `null`: send the payload without a content type. */
  contentType?: string | null;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A copy with one more own key; a computed key defines `__proto__` as data instead of setting the prototype. */
const withKey = (o: Record<string, unknown>, key: string, value: unknown) => ({ ...o, [key]: value });
const without = (o: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

function bodyMutations(route: RouteDef, body: Record<string, unknown>): fc.Arbitrary<Mutation>[] {
  const schema = route.schema.body ? jsonSchemaOf(route.schema.body, 'input') : {};
  const keys = [...new Set([...Object.keys(schema.properties ?? {}), ...Object.keys(body)])];
  const known = keys.length ? keys : ['name'];
  const required = schema.required?.length ? schema.required : known;
  const json = (kind: string) => (v: unknown) => ({ kind, payload: JSON.stringify(v) });
  return [
    fc.tuple(fc.constantFrom(...known), hostileValue).map(([k, v]) => json('hostile field value')(withKey(body, k, v))),
    fc.constantFrom(...required).map((k) => json('missing required field')(without(body, k))),
    fc.tuple(fc.constantFrom(...hostileKeys), hostileValue).map(([k, v]) => json('unknown or pollution key')(withKey(body, k, v))),
    fc.tuple(fc.constantFrom(...known), fc.constantFrom(...rawNumberLiterals)).map(([k, n]) => ({
      kind: 'out-of-range number literal',
      payload: JSON.stringify(withKey(body, k, '@@n@@')).replace('"@@n@@"', n),
    })),
    fc.oneof(hostileValue, fc.jsonValue({ maxDepth: 3 })).map(json('body of the wrong shape')),
  ];
}

/**
 * Requests for one route: its valid input with one thing broken (a field, the JSON text, the
 * content type, a path parameter, the query, a header, the method), sent by a random actor.
 */
export function fuzzRequests(route: RouteDef, valid: RouteInput): fc.Arbitrary<FuzzRequest> {
  const body = isObject(valid.body) ? valid.body : {};
  const validText = valid.body === undefined ? '{}' : JSON.stringify(valid.body);
  const params = pathParams(route.url);
  const mutations: fc.Arbitrary<Mutation>[] = [
    fc.constant({ kind: 'valid input' }),
    ...bodyMutations(route, body),
    deepJson.map((payload) => ({ kind: 'deeply nested JSON', payload })),
    fc.constantFrom(...malformedJsonTexts).map((payload) => ({ kind: 'malformed JSON', payload })),
    fc.constantFrom(...hostileContentTypes).map((contentType) => ({ kind: 'wrong content type', contentType, payload: validText })),
    fc.constant({
      kind: 'form-encoded body',
      contentType: 'application/x-www-form-urlencoded',
      // Nested values (even null-prototype objects) are flattened to JSON text, as a form would carry them.
      payload: new URLSearchParams(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString(),
    }),
    fc.constant({ kind: 'no content type', contentType: null, payload: validText }),
    fc.constantFrom('application/json', 'text/plain').map((contentType) => ({ kind: 'oversized body', contentType, payload: oversized })),
    fc.array(fc.constantFrom(...hostileQueryParts), { minLength: 1, maxLength: 3 }).map((parts) => ({
      kind: 'bad query',
      query: [new URLSearchParams(valid.query).toString(), ...parts].filter(Boolean).join('&'),
    })),
    fc.constantFrom(...hostileHeaders).map((headers) => ({ kind: 'hostile header', headers })),
    fc.constantFrom(...otherMethods.filter((m) => m !== route.method)).map((method) => ({ kind: 'other method', method })),
  ];
  if (params.length) {
    mutations.push(
      fc.tuple(fc.constantFrom(...params), fc.constantFrom(...hostileParamValues), fc.boolean()).map(([name, value, rawParams]) => ({
        kind: 'bad path parameter',
        params: { [name]: value },
        rawParams,
      })),
    );
  }
  return fc.tuple(fc.constantFrom(...fuzzActors), fc.oneof(...mutations)).map(([actor, m]) => {
    const payload = m.payload ?? (valid.body === undefined ? undefined : validText);
    const contentType = m.contentType === undefined ? 'application/json' : m.contentType;
    const headers: Record<string, string> = {
      'accept-language': 'en',
      ...(payload !== undefined && contentType ? { 'content-type': contentType } : {}),
      ...m.headers,
    };
    const query = m.query ?? new URLSearchParams(valid.query).toString();
    return {
      kind: m.kind,
      actor,
      method: m.method ?? route.method.toString(),
      url: urlFor(route.url, { ...valid.params, ...m.params }, query, m.rawParams),
      headers,
      ...(payload === undefined ? {} : { payload }),
    };
  });
}

/** Paths no route serves: the API must still answer problem+json 404 or 405. */
export const unknownPaths: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.constantFrom(...fuzzActors),
    fc.constantFrom(...otherMethods),
    fc.array(fc.oneof(fc.constantFrom(...hostileParamValues), fc.webSegment()), { minLength: 1, maxLength: 4 }),
    fc.boolean(),
  )
  .map(([actor, method, segments, raw]) => ({
    kind: 'unknown path',
    actor,
    method,
    url: `/api/v1/${segments.map((s) => (raw ? s : encodeURIComponent(s))).join('/')}`,
    headers: { 'accept-language': 'en' },
  }));
