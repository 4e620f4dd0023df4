import fc from 'fast-check';
import { type ZodType, z } from 'zod';
import type { RouteDef } from '../../src/platform/http/route.ts';
import { arbitraryFromJsonSchema, type JsonSchema } from './json-schema-arbitrary.ts';

/** The territory the security suite acts on: `alpha`, as created by the test helper. */
export const territorySlug = 'alpha';

export type RouteInput = { params: Record<string, string>; query: Record<string, string>; body: unknown };
export type InputPart = 'params' | 'querystring' | 'body';

/** `GET /api/v1/territories/:slug`: the name used in test titles and reports. */
export const routeKey = (r: Pick<RouteDef, 'method' | 'url'>) => `${r.method} ${r.url}`;

/** The `:name` parameters of a route's URL, in order. */
export const pathParams = (url: string) => [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);

/** A stable seed per route, so that adding a route does not change the inputs of the others. */
export function seedFor(base: number, key: string): number {
  let h = base | 0;
  for (const ch of key) h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) | 0;
  return h;
}

export function jsonSchemaOf(schema: ZodType, io: 'input' | 'output'): JsonSchema {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
}

/** Path parameters and query strings travel as text: this is what the server will parse. */
function asText(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((value ?? {}) as Record<string, unknown>)) {
    if (v !== undefined) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return out;
}

/**
 * A value that the route's own Zod schema accepts, drawn from its JSON Schema (input and output
 * views, since pipes and defaults show different constraints on each side) and kept only when the
 * Zod schema parses it, so that refinements are met too.
 */
export function validValue(schema: ZodType, part: InputPart, seed: number, fixed: Record<string, string> = {}): unknown {
  const arb = fc.oneof(arbitraryFromJsonSchema(jsonSchemaOf(schema, 'input')), arbitraryFromJsonSchema(jsonSchemaOf(schema, 'output')));
  for (const candidate of fc.sample(arb, { seed, numRuns: 300 })) {
    const value = part === 'body' ? candidate : { ...asText(candidate), ...fixed };
    if (schema.safeParse(value).success) return value;
  }
  throw new Error(
    `no valid ${part} could be generated (seed ${seed}); declare a valid example on the schema with .meta({ examples: [...] })`,
  );
}

/** Valid params (`:slug` = alpha), query and body for a route, reproducible from the seed. */
export function validInput(route: RouteDef, seed: number): RouteInput {
  const names = pathParams(route.url);
  const fixed: Record<string, string> = names.includes('slug') ? { slug: territorySlug } : {};
  const { params, querystring, body } = route.schema;
  return {
    params: params ? (validValue(params, 'params', seed, fixed) as Record<string, string>) : fixed,
    query: querystring ? (validValue(querystring, 'querystring', seed + 1) as Record<string, string>) : {},
    body: body ? validValue(body, 'body', seed + 2) : undefined,
  };
}

/** The URL of a route with its parameters filled in (encoded unless `raw`) and its query string. */
export function urlFor(url: string, params: Record<string, string>, query: Record<string, string> | string = {}, raw = false): string {
  const path = url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const v = params[name] ?? '';
    return raw ? v : encodeURIComponent(v);
  });
  const qs = typeof query === 'string' ? query : new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}
