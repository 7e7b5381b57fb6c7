import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { neutraliseFormula, toCsv } from '../../common/csv.js';
import { ifNoneMatchHits } from '../../common/http/conditional-get.js';
import type { LastChange } from '../../public/public-data.service.js';

export const LICENCE = {
  name: 'Open Government Licence v3.0',
  url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
};

/** Browsers and CDNs keep a copy a minute and may serve it stale for five while refreshing. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/** A file's bytes, built once per last change, with its validators. */
export interface OpenDataFile {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: string;
}

function file(body: string, contentType: string, lastChange: LastChange): OpenDataFile {
  const bytes = Buffer.from(body, 'utf8');
  return {
    body: bytes,
    contentType,
    etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`,
    lastModified: lastChange.changedAt.toUTCString(),
  };
}

/** CSV with a header row of the view's field names; text cells neutralised for spreadsheets. */
export function csvFile(
  rows: readonly Record<string, string | null>[],
  fields: readonly string[],
  lastChange: LastChange,
): OpenDataFile {
  const cells = rows.map((r) => fields.map((f) => neutraliseFormula(r[f] ?? null)));
  return file(toCsv([...fields], cells), 'text/csv; charset=utf-8', lastChange);
}

/** JSON with the licence and the time of the last change beside the rows. */
export function jsonFile(
  rows: readonly object[],
  dictionary: string,
  lastChange: LastChange,
): OpenDataFile {
  const body = JSON.stringify({
    licence: LICENCE,
    lastChanged: lastChange.changedAt.toISOString(),
    dataDictionary: dictionary,
    data: rows,
  });
  return file(body, 'application/json; charset=utf-8', lastChange);
}

/**
 * Sends a file with ETag, Last-Modified and CDN caching headers, or 304 when the
 * client's copy is current (If-None-Match wins over If-Modified-Since, RFC 9110 §13.2.2).
 */
export function sendFile(
  req: FastifyRequest,
  reply: FastifyReply,
  f: OpenDataFile,
  filename: string,
): FastifyReply {
  void reply.headers({
    etag: f.etag,
    'last-modified': f.lastModified,
    'cache-control': PUBLIC_CACHE_CONTROL,
    link: `<${LICENCE.url}>; rel="license"`,
  });
  if (notModified(req, f)) return reply.status(304).send();
  return reply
    .type(f.contentType)
    .header('content-disposition', `inline; filename="${filename}"`)
    .send(f.body);
}

function notModified(req: FastifyRequest, f: OpenDataFile): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return ifNoneMatchHits(inm, f.etag);
  const ims = req.headers['if-modified-since'];
  if (!ims) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Date.parse(f.lastModified) <= since;
}
