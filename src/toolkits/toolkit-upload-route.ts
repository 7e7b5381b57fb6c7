import type { FastifyInstance, onRequestHookHandler } from 'fastify';

/** Route config flag (`@RouteConfig({ [TOOLKIT_UPLOAD]: true })`) of the raw upload route. */
export const TOOLKIT_UPLOAD = 'toolkitUpload';
/** The header the upload route finds the client's Content-Type in. */
export const UPLOAD_TYPE_HEADER = 'x-ptrack-upload-content-type';
/** The internal media type every upload is parsed as: raw bytes, whatever the client sent. */
const UPLOAD_MEDIA_TYPE = 'application/x-ptrack-toolkit-upload';

const asRawUpload: onRequestHookHandler = (req, _reply, done) => {
  req.headers[UPLOAD_TYPE_HEADER] = req.headers['content-type'] ?? '';
  req.headers['content-type'] = UPLOAD_MEDIA_TYPE;
  done();
};

/**
 * Raw-body uploads (toolkit files): a route flagged TOOLKIT_UPLOAD gets its own body limit
 * (`maxBytes`, instead of BODY_LIMIT_BYTES) and its body as a Buffer whatever the
 * Content-Type (JSON is not parsed, CSV is not decoded); the client's type is kept in
 * UPLOAD_TYPE_HEADER for the handler to check. Fastify answers 413 from Content-Length
 * before reading, or as soon as a chunked body passes the limit: nothing is buffered
 * beyond `maxBytes`. Call before the routes are registered (app.init).
 */
export function registerToolkitUploads(fastify: FastifyInstance, maxBytes: number): void {
  fastify.addContentTypeParser(UPLOAD_MEDIA_TYPE, { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
  fastify.addHook('onRoute', (route) => {
    const config = route.config as Record<string, unknown> | undefined;
    if (!config?.[TOOLKIT_UPLOAD]) return;
    route.bodyLimit = maxBytes;
    const earlier = route.onRequest ? [route.onRequest].flat() : [];
    route.onRequest = [...earlier, asRawUpload];
  });
}
