import { pipeline, type Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify as stringifyStream } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';
import { ProblemException } from './errors/problem.exception.js';

/**
 * Reads RFC 4180 CSV (quoted fields may hold commas, quotes and newlines; a BOM is
 * ignored; blank lines are skipped) with csv-parse. Unreadable CSV (an unterminated quote,
 * say) is a 400 `invalid_csv` naming where.
 */
export function parseCsv(text: string): string[][] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (e) {
    throw ProblemException.badRequest(
      'invalid_csv',
      `The CSV cannot be read: ${(e as Error).message}`,
    );
  }
}

/** Parses CSV with a header row into objects keyed by the header names. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
}

/** A cell as text: dates in ISO 8601, objects as JSON, nothing as empty. */
const cell = (v: unknown): string =>
  v === null || v === undefined
    ? ''
    : v instanceof Date
      ? v.toISOString()
      : typeof v === 'string'
        ? v
        : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint'
          ? String(v)
          : JSON.stringify(v);

/** Writes CSV with csv-stringify (fields quoted when they hold a comma, quote or newline). */
export function toCsv(header: string[], rows: unknown[][]): string {
  return stringify([header, ...rows.map((r) => r.map(cell))]);
}

/**
 * CSV as a stream (csv-stringify): the header, then each row of `rows` (an object-mode
 * stream, e.g. `streamQuery`) as it comes — an export of any size is written without being
 * built as one string. pipeline: an error on either side, or the reader leaving, destroys
 * every stream (the cursor closes, the reply ends early: the status line has gone already).
 */
export function csvStream<T>(
  header: string[],
  rows: Readable,
  toCells: (row: T) => unknown[],
): Readable {
  const toLine = new Transform({
    objectMode: true,
    transform(row: T, _encoding, callback) {
      try {
        callback(null, toCells(row).map(cell));
      } catch (err) {
        callback(err as Error);
      }
    },
  });
  toLine.push(header);
  return pipeline(rows, toLine, stringifyStream(), () => undefined);
}

/** Spreadsheet apps run cells starting with these as formulas: neutralise user text. */
export const neutraliseFormula = (v: string | null): string | null =>
  v && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
