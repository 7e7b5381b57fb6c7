import type supertest from 'supertest';
import type { paths } from './api-types.js';

/**
 * A client typed by the document: paths, path/query parameters, request bodies and
 * success bodies all come from test/support/api-types.ts, which scripts/lint-api.sh
 * generates from /docs-json with openapi-typescript (and fails on when it is stale).
 */
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Op<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type PathParams<O> = O extends { parameters: { path: infer X } } ? X : never;
type QueryParams<O> = O extends { parameters: { query?: infer Q } } ? Q : never;
type JsonBody<O> = O extends { requestBody?: { content: { 'application/json': infer B } } }
  ? B
  : never;
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Success<O> = O extends { responses: infer R }
  ? Json<R[Extract<keyof R, 200 | 201 | 202>]>
  : never;

export interface Options<O> {
  path?: PathParams<O>;
  query?: QueryParams<O>;
  body?: JsonBody<O>;
}

export interface TypedResponse<O> {
  status: number;
  /** The success body as documented (check `status` first). */
  body: Success<O>;
  raw: supertest.Response;
}

export function typedClient(http: () => supertest.Agent, bearer: string) {
  const call = async <P extends keyof paths, M extends Method>(
    method: M,
    path: P,
    options: Options<Op<P, M>> = {},
  ): Promise<TypedResponse<Op<P, M>>> => {
    const params = (options.path ?? {}) as Record<string, string>;
    const url = String(path).replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k]));
    let req = http()[method](url).set('authorization', `Bearer ${bearer}`);
    if (options.query) req = req.query(options.query);
    if (options.body !== undefined) req = req.send(options.body as object);
    const raw = await req;
    return { status: raw.status, body: raw.body as Success<Op<P, M>>, raw };
  };
  return {
    GET: <P extends keyof paths>(path: P, o?: Options<Op<P, 'get'>>) => call('get', path, o),
    POST: <P extends keyof paths>(path: P, o?: Options<Op<P, 'post'>>) => call('post', path, o),
    PATCH: <P extends keyof paths>(path: P, o?: Options<Op<P, 'patch'>>) => call('patch', path, o),
    PUT: <P extends keyof paths>(path: P, o?: Options<Op<P, 'put'>>) => call('put', path, o),
    DELETE: <P extends keyof paths>(path: P, o?: Options<Op<P, 'delete'>>) =>
      call('delete', path, o),
  };
}
