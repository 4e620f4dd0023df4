import fc from 'fast-check';

/** Strings that have broken web applications before: injections, encodings, control characters. */
export const hostileStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR ""="',
  "alpha' UNION SELECT password_hash FROM users --",
  '$1',
  '\\',
  '%',
  '%00',
  '%zz',
  '%2e%2e%2f',
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}',
  '{{7*7}}',
  '#{7*7}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  'true',
  '-1',
  '0',
  '1e309',
  '9'.repeat(40),
  '\ud800',
  '\udfff',
  '\ufeff',
  '\u202e\u0644\u0627',
  'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357',
  'a\r\nSet-Cookie: totem_session=x',
  '\t\n\v\f\r',
  '🙂'.repeat(60),
  'Europe/Paris\u0000',
  'alpha\u0000',
  'ALPHA',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'A'.repeat(10_000),
  'é'.repeat(70_000),
];

const loneSurrogates = fc.string({
  unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 8,
});

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: loneSurrogates },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\u2028', '\u2029', 'a'), maxLength: 50 }),
  },
);

/** A value of any JSON type, hostile or merely of the wrong type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, Number.MIN_VALUE) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }) },
);

/** JSON number literals that JavaScript reads as something else (Infinity, a rounded value). */
export const rawNumberLiterals = ['1e400', '-1e400', '123456789012345678901234567890', '0.0000000000000000000000001', '-0', '1E2'];

/** Keys that pollute prototypes when merged naively, and keys a route has never heard of. */
export const hostileKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'isAdmin',
  'platformAdmin',
  'territoryId',
  'id',
  'role',
  '',
  ' ',
  '\u0000',
  '$where',
  'a.b',
];

/** JSON texts that are not JSON, or barely. */
export const malformedJsonTexts = [
  '',
  ' ',
  '{',
  '}',
  '{"a":',
  '{"a":1,}',
  '[1,2',
  "{'a':1}",
  '{a:1}',
  'NaN',
  'undefined',
  '{"a":NaN}',
  '{"a":Infinity}',
  '\ufeff{}',
  '{"a":"\\u00"}',
  '{"a":"\\ud800"}',
  '{"a":1}{"b":2}',
  '{"a":1} trailing',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  'null',
  'true',
  '"a string"',
  '42',
  '[]',
  '\u0000',
];

/** Very deep JSON, as arrays or objects, sometimes with a pollution key at the bottom. */
export const deepJson: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(64, 2_000, 20_000, 150_000), fc.constantFrom('array', 'object', 'object-proto'))
  .map(([depth, shape]) => {
    if (shape === 'array') return `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const leaf = shape === 'object-proto' ? '{"__proto__":{"polluted":true}}' : '1';
    return `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
  });

/** Content types a JSON API must refuse or handle. */
export const hostileContentTypes = [
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=',
  'application/jsonx',
  'application/problem+json',
  'application/vnd.api+json',
  'APPLICATION/JSON',
  'a/b/c',
  ';',
  'application/octet-stream',
];

/** Values for path parameters: malformed ids, traversal, encodings, lengths around the limits. */
export const hostileParamValues = [
  '',
  ' ',
  '.',
  '..',
  '../',
  '..%2F..%2F',
  '%2e%2e',
  '%00',
  '%',
  '%zz',
  '%ff',
  '%c0%ae',
  'alpha%00',
  'not-a-uuid',
  '12345',
  '-1',
  "' OR 1=1 --",
  'beta',
  'ALPHA',
  'al pha',
  'éé',
  '🙂',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '6F9619FF-8B86-D011-B42D-00CF4FC964FF',
  '{6f9619ff-8b86-d011-b42d-00cf4fc964ff}',
  'a'.repeat(61),
  'a'.repeat(199),
  'a'.repeat(201),
  'a'.repeat(5_000),
  '__proto__',
  'constructor',
];

/** Query strings: unknown, repeated, wrongly typed, out of range, badly encoded, pollution keys. */
export const hostileQueryParts = [
  'page=-1',
  'page=0',
  'page=1.5',
  'page=1e309',
  'page=NaN',
  'page=Infinity',
  'page=0x10',
  'page=99999999999999999999',
  'page=',
  'page',
  'page=1&page=2',
  'page[]=1',
  'page[a]=1',
  'pageSize=100000',
  'pageSize=-5',
  'pageSize=%00',
  'unknown=1',
  '__proto__[polluted]=1',
  '__proto__.polluted=1',
  'constructor[prototype][polluted]=1',
  'a=%zz',
  '%zz=1',
  '=',
  '&&&',
  `q=${'a'.repeat(10_000)}`,
  'q=%27%20OR%201%3D1--',
  'q=%F0%9F%99%82',
  'q=%ED%A0%80',
];

/** Headers that must not confuse authentication, negotiation or logging. */
export const hostileHeaders: Record<string, string>[] = [
  { 'accept-language': '*;q=abc, fr-FR;q=2, ;;;' },
  { 'accept-language': 'x'.repeat(5_000) },
  { cookie: 'totem_session=garbage' },
  { cookie: `totem_session=${'a'.repeat(4_000)}` },
  { cookie: 'totem_session=%00; totem_session=x' },
  { authorization: 'Bearer garbage' },
  { authorization: 'Bearer ' },
  { authorization: 'Basic cm9vdDpyb290' },
  { authorization: `Bearer totem_${'a'.repeat(300)}` },
  { 'x-csrf-token': 'wrong' },
  { 'x-request-id': '../../etc/passwd' },
  { 'x-request-id': 'a'.repeat(500) },
  { 'x-forwarded-for': '1.2.3.4, 5.6.7.8' },
  { 'content-length': '0' },
  { accept: 'text/html' },
];
