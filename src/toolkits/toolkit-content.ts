import { ProblemException } from '../common/errors/problem.exception.js';

/** How the bytes of an allowed type are checked (cheap sniffing, no parsing of archives). */
type Sniff = 'pdf' | 'zip' | 'json' | 'text';

/**
 * The media types a toolkit file may have, and how each is sniffed. Anything else is 415;
 * bytes that do not look like the declared type are 422 (see docs/architecture.md).
 */
export const TOOLKIT_CONTENT_TYPES: Readonly<Record<string, Sniff>> = {
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/json': 'json',
  'application/xml': 'text',
  'text/xml': 'text',
  'application/yaml': 'text',
  'text/yaml': 'text',
  'text/csv': 'text',
  'text/plain': 'text',
  'text/markdown': 'text',
};

export const TOOLKIT_MEDIA_TYPES = Object.keys(TOOLKIT_CONTENT_TYPES);

/** A file name: letters, digits, dot, dash, underscore; no leading dot; at most 120. */
export const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The media type without parameters, lower-cased (`text/csv; charset=utf-8` → `text/csv`). */
export const mediaTypeOf = (header: string | undefined): string =>
  (header ?? '').split(';')[0].trim().toLowerCase();

/** What a download's Content-Type header says: text types carry their charset. */
export const servedContentType = (mediaType: string): string =>
  TOOLKIT_CONTENT_TYPES[mediaType] === 'text' || mediaType === 'application/json'
    ? `${mediaType}; charset=utf-8`
    : mediaType;

function looksLike(sniff: Sniff, bytes: Buffer): string | null {
  switch (sniff) {
    case 'pdf':
      return bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? null : 'does not start %PDF-';
    case 'zip': {
      const magic = bytes.subarray(0, 4).toString('hex');
      return magic === '504b0304' || magic === '504b0506' ? null : 'is not a zip archive';
    }
    case 'json':
    case 'text': {
      let text: string;
      try {
        text = utf8.decode(bytes);
      } catch {
        return 'is not UTF-8 text';
      }
      if (text.includes('\u0000')) return 'holds NUL bytes (binary, not text)';
      if (sniff === 'text') return null;
      try {
        JSON.parse(text);
        return null;
      } catch {
        return 'is not valid JSON';
      }
    }
  }
}

/**
 * Checks an upload: 415 for a media type off the allow-list, 422 for an empty body or
 * bytes that do not look like the declared type. Returns the bare media type to store.
 */
export function checkToolkitContent(contentTypeHeader: string | undefined, bytes: Buffer): string {
  const type = mediaTypeOf(contentTypeHeader);
  const sniff = TOOLKIT_CONTENT_TYPES[type];
  if (!sniff) {
    throw new ProblemException(
      415,
      'unsupported_content_type',
      `Content-Type ${type || '(none)'} is not accepted for toolkit files; use one of ${TOOLKIT_MEDIA_TYPES.join(', ')}`,
    );
  }
  if (bytes.length === 0) {
    throw ProblemException.unprocessable('empty_file', 'The file is empty');
  }
  const wrong = looksLike(sniff, bytes);
  if (wrong) {
    throw ProblemException.unprocessable(
      'content_mismatch',
      `The file is declared ${type} but ${wrong}`,
    );
  }
  return type;
}
