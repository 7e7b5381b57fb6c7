import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { startTestApi, type TestApi } from './support/test-app.js';

/**
 * Fuzzes every operation of /docs-json as anonymous, admin, supplier and council with
 * generated bad bodies, queries and path parameters. Nothing may answer 5xx, every error
 * must be problem+json, and the process must still be live at the end. A fixed seed runs
 * first, then a random one (printed, and FUZZ_SEED=<n> replays it); FUZZ_RUNS sets the
 * number of requests per seed.
 */

interface Operation {
  method: string;
  path: string;
  query: { name: string; schema: Schema }[];
  body: Schema | null;
}
interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
}

const ROLES: PrincipalName[] = ['anonymous', 'admin', 'supplierA', 'councilX'];
const RUNS = Number(process.env.FUZZ_RUNS ?? 2500);
const FIXED_SEED = 13;

const deepArray = '['.repeat(10_000) + ']'.repeat(10_000);
const deepObject = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);

/** Values that have broken apis before: types, limits, unicode, dates, template syntax. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    '',
    ' ',
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    [],
    {},
    [null],
    { __proto__: { polluted: true } },
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '2026-02-30',
    '0000-01-01',
    '2026-12-31T24:61:00Z',
    '99999999999999999999999',
    '-99999999999999999999999',
    'NaN',
    'Infinity',
    '{{#constructor}}x{{/constructor}}',
    '{{__proto__}}',
    '{{toString}}',
    '__proto__',
    'constructor',
    '../../etc/passwd',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '𝕏😀\u202e\u200b',
    '00000000-0000-0000-0000-000000000000',
    'x'.repeat(100_000),
  ),
  fc.string({
    maxLength: 30,
    unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  }),
  fc.integer(),
  fc.double(),
  fc.bigInt().map(String),
  fc.jsonValue({ maxDepth: 3 }),
);

const resolve = (doc: OpenApi, s: Schema | undefined): Schema | undefined => {
  if (!s) return s;
  if (s.$ref) return resolve(doc, doc.components?.schemas?.[s.$ref.split('/').pop()!]);
  if (s.allOf?.length) return resolve(doc, s.allOf[0]);
  return s;
};

/** A value that would pass simple validation, so requests reach the services too. */
const plausible = (doc: OpenApi, raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> => {
  const s = resolve(doc, raw) ?? {};
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (s.format === 'uuid') return fc.constant(null).map(() => randomUUID());
  if (s.format === 'date') return fc.constantFrom('2026-01-31', '2027-06-30');
  if (s.format === 'date-time') return fc.constantFrom('2026-01-31T10:00:00Z');
  if (s.format === 'email') return fc.constantFrom('fuzz@example.test');
  if (s.format === 'uri' || s.format === 'url') return fc.constantFrom('https://example.test/x');
  switch (s.type) {
    case 'integer':
      return fc.integer({ min: 0, max: 10 });
    case 'number':
      return fc.double({ min: 0, max: 10, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 2
        ? fc.constant([])
        : fc.array(plausible(doc, s.items, depth + 1), { maxLength: 2 });
    case 'object':
      return depth > 2 ? fc.constant({}) : objectOf(doc, s, depth + 1, false);
    default:
      return fc.string({ minLength: 1, maxLength: 12 });
  }
};

/** An object for the schema: most fields plausible, some nasty, some missing or extra. */
const objectOf = (doc: OpenApi, s: Schema, depth: number, bad: boolean): fc.Arbitrary<object> => {
  const props = Object.entries(s.properties ?? {});
  const field = (schema: Schema) =>
    bad
      ? fc.option(
          fc.oneof(
            { weight: 3, arbitrary: plausible(doc, schema, depth) },
            { weight: 2, arbitrary: nasty },
          ),
          {
            nil: undefined,
            freq: 6,
          },
        )
      : plausible(doc, schema, depth);
  return fc
    .tuple(
      fc.tuple(...props.map(([, schema]) => field(schema))),
      bad
        ? fc.option(fc.tuple(fc.constantFrom('extraField', '__proto__', 'constructor'), nasty), {
            nil: undefined,
          })
        : fc.constant(undefined),
    )
    .map(([values, extra]) => {
      const o: Record<string, unknown> = {};
      props.forEach(([name], i) => {
        if (values[i] !== undefined) o[name] = values[i];
      });
      if (extra) Object.defineProperty(o, extra[0], { value: extra[1], enumerable: true });
      return o;
    });
};

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; schema: Schema }[];
        requestBody?: { content: Record<string, { schema: Schema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
}

/** Percent-encodes anything, lone surrogates included (as the bytes a careless client sends). */
const encode = (v: unknown): string => {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined');
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s]
      .map((ch) => {
        try {
          return encodeURIComponent(ch);
        } catch {
          return '%ED%A0%80';
        }
      })
      .join('');
  }
};

const pathValue: fc.Arbitrary<string> = fc.oneof(
  fc.constant(null).map(() => randomUUID()),
  nasty.map(encode),
  fc.constantFrom(
    'a'.repeat(300),
    '%00',
    '%E0%A4%A',
    '%ZZ',
    '..',
    '%2F',
    '%20',
    '00000000-0000-0000-0000-000000000000',
  ),
);

interface FuzzRequest {
  op: number;
  role: PrincipalName;
  url: string;
  contentType: string;
  payload: string | undefined;
}

describe('fuzz: every operation, every role, bad input → no 5xx, problem+json errors', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  let doc: OpenApi;
  let ops: Operation[];
  const seen = { requests: 0, byStatus: new Map<number, number>() };

  beforeAll(async () => {
    api = await startTestApi();
    p = await signInAll(api);
    doc = (await api.http().get('/docs-json')).body as OpenApi;
    ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        query: (op.parameters ?? [])
          .filter((x) => x.in === 'query')
          .map((x) => ({ name: x.name, schema: x.schema })),
        body: resolve(doc, Object.values(op.requestBody?.content ?? {})[0]?.schema) ?? null,
      })),
    );
  }, 60_000);
  afterAll(() => api.close());

  const request = (): fc.Arbitrary<FuzzRequest> =>
    fc.integer({ min: 0, max: ops.length - 1 }).chain((i) => requestFor(i));

  const requestFor = (i: number): fc.Arbitrary<FuzzRequest> => {
    const op = ops[i];
    const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const query = fc.tuple(
      ...op.query.map((q) =>
        fc.option(fc.oneof(plausible(doc, q.schema).map(encode), nasty.map(encode)), {
          nil: undefined,
        }),
      ),
      fc.option(
        fc.tuple(fc.constantFrom('extra', 'page', 'limit', '__proto__'), nasty.map(encode)),
        { nil: undefined },
      ),
    );
    const body: fc.Arbitrary<string | undefined> =
      op.method === 'GET' || op.method === 'DELETE'
        ? fc.option(fc.constantFrom('{}', deepArray), { nil: undefined, freq: 8 })
        : fc.oneof(
            {
              weight: 6,
              arbitrary: objectOf(doc, op.body ?? {}, 0, true).map((o) => JSON.stringify(o)),
            },
            { weight: 1, arbitrary: nasty.map((v) => JSON.stringify(v) ?? '') },
            {
              weight: 1,
              arbitrary: fc.constantFrom<string | undefined>(
                undefined,
                '',
                'null',
                '[]',
                '"s"',
                '{',
                deepArray,
                deepObject,
                '{"__proto__":{"x":1}}',
                'a,b\n1,2',
              ),
            },
          );
    const contentType = fc.oneof(
      { weight: 8, arbitrary: fc.constant('application/json') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'text/plain',
          'application/xml',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'text/csv',
          'application/json; charset=latin1',
          'application/octet-stream',
        ),
      },
    );
    return fc
      .record({
        role: fc.constantFrom(...ROLES),
        params: fc.tuple(...pathParams.map(() => pathValue)),
        query,
        payload: body,
        contentType,
      })
      .map(({ role, params, query: q, payload, contentType: ct }) => {
        let path = op.path;
        pathParams.forEach((name, k) => (path = path.replace(`{${name}}`, params[k])));
        const pairs: string[] = [];
        op.query.forEach((x, k) => {
          const v = q[k] as string | undefined;
          if (v !== undefined) pairs.push(`${x.name}=${v}`);
        });
        const extra = q[op.query.length] as [string, string] | undefined;
        if (extra) pairs.push(`${extra[0]}=${extra[1]}`);
        return {
          op: i,
          role,
          url: pairs.length ? `${path}?${pairs.join('&')}` : path,
          contentType: ct,
          payload,
        };
      });
  };

  const check = async (r: FuzzRequest): Promise<void> => {
    const op = ops[r.op];
    const bearer = p[r.role].bearer;
    const headers: Record<string, string> = {};
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (r.payload !== undefined) headers['content-type'] = r.contentType;
    let req = api.http()[op.method.toLowerCase() as 'get'](r.url);
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    if (r.payload !== undefined) req = req.send(r.payload);
    const res = await req.ok(() => true);
    const body = res.text ?? '';
    seen.requests++;
    seen.byStatus.set(res.status, (seen.byStatus.get(res.status) ?? 0) + 1);
    const what = `${op.method} ${r.url.slice(0, 200)} as ${r.role} (${r.contentType}, body ${String(r.payload).slice(0, 200)}) → ${res.status} ${body.slice(0, 300)}`;
    if (res.status >= 500) throw new Error(`5xx: ${what}`);
    if (
      res.status >= 400 &&
      !String(res.headers['content-type']).startsWith('application/problem+json')
    )
      throw new Error(`not problem+json: ${what}`);
  };

  const run = async (seed: number) => {
    console.log(
      `fuzz: seed ${seed}, ${RUNS} requests over ${ops.length} operations (replay: FUZZ_SEED=${seed})`,
    );
    await fc.assert(fc.asyncProperty(request(), check), {
      seed,
      numRuns: RUNS,
      endOnFailure: true,
    });
  };

  it('covers every operation in /docs-json', () => {
    expect(ops.length).toBeGreaterThan(50);
  });

  it('a fixed seed, then a random one: no 5xx, every error problem+json, still live', async () => {
    const replay = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : null;
    if (replay !== null) await run(replay);
    else {
      await run(FIXED_SEED);
      await run(Math.floor(Math.random() * 2 ** 31));
    }
    // Every operation and role once more, with a mostly plausible body, so none is skipped.
    for (const [i] of ops.entries()) {
      for (const role of ROLES) {
        const [r] = fc.sample(
          request().filter((x) => x.op === i),
          { numRuns: 1, seed: i },
        );
        if (r) await check({ ...r, role });
      }
    }
    console.log(
      `fuzz: ${seen.requests} requests; statuses ${JSON.stringify(Object.fromEntries([...seen.byStatus].sort(([a], [b]) => a - b)))}`,
    );
    expect((await api.http().get('/health/live')).status).toBe(200);
  }, 240_000);
});
