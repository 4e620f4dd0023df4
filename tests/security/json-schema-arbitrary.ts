import fc from 'fast-check';

/** The subset of JSON Schema (2020-12, as Zod 4 and the OpenAPI document emit it) that routes use. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  default?: unknown;
  examples?: unknown[];
};

/**
 * Ordinary values a person would type, tried beside random strings: refinements that JSON Schema
 * cannot express (an IANA time zone, a display name) are often met by one of them.
 */
const plainStrings = ['Europe/Paris', 'America/Cayenne', 'Totem Alpha', 'Béthune', 'fr', 'en', 'example', 'Atelier numérique', 'ok'];

const formatArbitraries: Record<string, () => fc.Arbitrary<string>> = {
  email: () =>
    fc
      .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,14}$/), fc.stringMatching(/^[a-z]{2,10}$/))
      .map(([local, domain]) => `${local}@${domain}.test`),
  uuid: () => fc.uuid({ version: 4 }),
  'date-time': () =>
    fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  date: () =>
    fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  time: () =>
    fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`),
  uri: () => fc.webUrl(),
  url: () => fc.webUrl(),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
};

function toRegExp(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return new RegExp(pattern);
  }
}

function stringArbitrary(s: JsonSchema): fc.Arbitrary<string> {
  const minLength = s.minLength ?? 0;
  const maxLength = s.maxLength ?? Math.max(minLength, 40);
  const fits = (v: string) => v.length >= minLength && v.length <= maxLength && (!s.pattern || toRegExp(s.pattern).test(v));
  const format = s.format ? formatArbitraries[s.format] : undefined;
  if (format) return format().filter(fits);
  if (s.pattern) return fc.stringMatching(toRegExp(s.pattern), { maxLength }).filter(fits);
  const random = fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 40) });
  const plain = plainStrings.filter(fits);
  return plain.length ? fc.oneof(fc.constantFrom(...plain), random) : random;
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  let min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : Number.EPSILON) : -1_000_000);
  let max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : Number.EPSILON) : 1_000_000);
  // Keep examples ordinary: huge bounds (Number.MAX_SAFE_INTEGER) make nothing more valid.
  min = Math.max(min, -1_000_000_000);
  max = Math.min(max, 1_000_000_000);
  if (integer) {
    const arb = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
    return s.multipleOf ? arb.map((n) => n - (n % (s.multipleOf as number))).filter((n) => n >= min && n <= max) : arb;
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function resolveRef(ref: string, root: JsonSchema): JsonSchema {
  const name = ref.replace(/^#\/(\$defs|definitions|components\/schemas)\//, '');
  const found = root.$defs?.[name];
  if (!found) throw new Error(`cannot resolve ${ref}`);
  return found;
}

/**
 * A fast-check arbitrary of values valid for a JSON Schema. Refinements the schema cannot carry
 * (custom checks, transforms) are not known here: callers filter with the Zod schema itself.
 */
export function arbitraryFromJsonSchema(schema: JsonSchema, root: JsonSchema = schema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  // Examples declared on a schema (Zod: `.meta({ examples: [...] })`) are tried first.
  const { examples, ...rest } = schema;
  if (examples?.length) return fc.oneof(fc.constantFrom(...examples), arbitraryFromJsonSchema(rest, root, depth));
  const next = (s: JsonSchema) => arbitraryFromJsonSchema(s, root, depth + 1);
  if (schema.$ref) return arbitraryFromJsonSchema(resolveRef(schema.$ref, root), root, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(next));
  if (schema.allOf) return next(Object.assign({}, ...schema.allOf.map((s) => (s.$ref ? resolveRef(s.$ref, root) : s))));
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => next({ ...schema, type })));
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map(next));
      const items = Array.isArray(schema.items) ? schema.items[0] : schema.items;
      return fc.array(items ? next(items) : fc.jsonValue({ maxDepth: 1 }), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, (schema.minItems ?? 0) + 3),
      });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, next(s)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    default:
      // `{}`: anything (Zod's transforms and custom types end up here).
      return fc.jsonValue({ maxDepth: 2 });
  }
}
