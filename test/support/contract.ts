import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import type supertest from 'supertest';

// ajv-formats is CommonJS; under ESM its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

export interface Exchange {
  method: string;
  /** The route pattern Fastify matched, e.g. /api/v1/risks/:id */
  route: string;
  url: string;
  status: number;
  contentType: string;
  body: unknown;
}

type Json = Record<string, unknown>;

/**
 * OpenAPI 3.0 schema -> JSON Schema for ajv: `nullable` becomes a null type/branch;
 * references point into the document registered under the id `openapi`.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const src = node as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === 'nullable' || k === 'example' || k === 'examples' || k.startsWith('x-')) continue;
    if (k === '$ref' && typeof v === 'string') out.$ref = `openapi${v}`;
    else if (k === 'properties' && v && typeof v === 'object')
      out.properties = Object.fromEntries(
        Object.entries(v as Json).map(([p, s]) => [p, toJsonSchema(s)]),
      );
    else out[k] = toJsonSchema(v);
  }
  if (src.nullable !== true) return out;
  const composed = ['$ref', 'allOf', 'anyOf', 'oneOf'].some((k) => k in out);
  if (typeof out.type === 'string' && !composed) {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

const toOpenApiPath = (route: string) => route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const mediaType = (ct: string) => ct.split(';')[0].trim().toLowerCase();

/**
 * Checks recorded exchanges under /api/v1 against the OpenAPI document the app serves at
 * /docs-json: the status must be documented for the operation, the content type must be
 * one it documents, and a JSON body must validate (ajv + ajv-formats) against its schema.
 */
export class ContractValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly doc: Json) {
    this.ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true });
    addFormats(this.ajv);
    this.ajv.addSchema(
      { components: toJsonSchema((doc as { components?: unknown }).components) },
      'openapi',
    );
  }

  /** Problems with one exchange (empty when it matches the document). */
  check(x: Exchange): string[] {
    const label = `${x.method} ${x.url} -> ${x.status}`;
    const paths = this.doc.paths as Record<string, Record<string, Json>>;
    const op = paths[toOpenApiPath(x.route)]?.[x.method.toLowerCase()];
    if (!op) return [`${label}: operation ${x.method} ${x.route} is not in the document`];
    const responses = op.responses as Record<string, Json>;
    const response = responses[String(x.status)] ?? responses.default;
    if (!response) return [`${label}: status ${x.status} is not documented`];
    const content = response.content as Record<string, { schema?: unknown }> | undefined;
    const hasBody = x.body !== undefined && x.body !== '' && x.status !== 204;
    if (!content) return hasBody ? [`${label}: a body was sent but none is documented`] : [];
    if (!hasBody) return [];
    const type = mediaType(x.contentType);
    const media = content[type];
    if (!media)
      return [`${label}: content type ${type} not documented (${Object.keys(content).join(', ')})`];
    if (!type.includes('json') || !media.schema) return [];
    const key = `${x.method} ${x.route} ${x.status} ${type}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(media.schema) as object);
      this.compiled.set(key, validate);
    }
    if (validate(x.body)) return [];
    return (validate.errors ?? []).slice(0, 5).map((e) => {
      const at = e.instancePath || '(body)';
      return `${label}: ${at} ${e.message ?? ''} ${JSON.stringify(e.params)}`;
    });
  }
}

/**
 * Records every response the app sends under /api/v1 (startTestApi wires it into every
 * e2e app, like AuditCheck) and, when the app closes, validates them all against
 * /docs-json. Routes outside /api/v1 (web pages, assets, health, docs) are not checked.
 */
export class ContractCheck {
  private readonly exchanges: Exchange[] = [];

  attach(fastify: FastifyInstance): void {
    fastify.addHook('onSend', async (req, reply, payload) => {
      const route = req.routeOptions.url;
      if (!route?.startsWith('/api/v1/') || !req.url.startsWith('/api/v1/')) return payload;
      // Probes that only the fault tests mount are not part of the api.
      if (route.startsWith('/api/v1/test-faults/')) return payload;
      const contentType = String(reply.getHeader('content-type') ?? '');
      let body: unknown = undefined;
      if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
        const text = payload.toString();
        body = text;
        if (mediaType(contentType).includes('json') && text !== '') {
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
        }
      } else if (payload !== null && payload !== undefined) body = '(stream)';
      this.exchanges.push({
        method: req.method,
        route,
        url: req.url,
        status: reply.statusCode,
        contentType,
        body,
      });
      return payload;
    });
  }

  get recorded(): number {
    return this.exchanges.length;
  }

  /** Throws listing every exchange that does not match the document. */
  async verify(http: supertest.Agent): Promise<number> {
    if (this.exchanges.length === 0) return 0;
    const res = await http.get('/docs-json').expect(200);
    const validator = new ContractValidator(res.body as Json);
    const failures = this.exchanges.flatMap((x) => validator.check(x));
    if (failures.length > 0)
      throw new Error(
        `Responses that do not match /docs-json:\n${[...new Set(failures)].join('\n')}`,
      );
    return this.exchanges.length;
  }
}
