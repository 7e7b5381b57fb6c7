import type { TFunction } from 'i18next';
import { ProblemException } from '../../common/errors/problem.exception.js';
import type { FormError } from '../forms/form-errors.js';

export const REQUIREMENT_FORM = 'catalogue.forms.requirement';
export const PUBLISH_FORM = 'catalogue.forms.publish';
export const IMPORT_FORM = 'catalogue.forms.import';
export const SAMPLE_FORM = 'catalogue.forms.sample';

type Body = Record<string, unknown> | undefined;
const text = (body: Body, name: string): string => {
  const v = body?.[name];
  return typeof v === 'string' ? v : '';
};

/** The fields a requirement form sends, as the API's DTO takes them (code only when adding). */
export function requirementInput(body: Body, withCode: boolean): Record<string, string> {
  const input: Record<string, string> = {
    title: text(body, 'title').trim(),
    description: text(body, 'description').trim(),
    level: text(body, 'level'),
    category: text(body, 'category').trim(),
    acceptanceCriteria: text(body, 'acceptanceCriteria').trim(),
  };
  if (withCode) input.code = text(body, 'code').trim();
  return input;
}

export const publishInput = (body: Body) => ({
  effectiveDate: text(body, 'effectiveDate').trim(),
  note: text(body, 'note').trim() || undefined,
});

export const csvInput = (body: Body) => text(body, 'csv');

/** One row-level problem of a CSV import, as the importer reported it. */
export interface CsvRowError {
  row: number;
  column: string;
  /** The column's problem in plain words from the catalogue. */
  text: string;
  /** The importer's own (English) words, shown beside it. */
  detail: string;
}

const COLUMN_PROBLEM: Record<string, string> = {
  code: 'code',
  title: 'title',
  level: 'level',
};

/**
 * The CSV importer's 400 as page errors: the summary's message (by the importer's error
 * code) and, for bad rows, each problem with its row and column. Null when the error is
 * not the importer's.
 */
export function csvImportErrors(
  err: unknown,
  t: TFunction,
): { summary: FormError[]; rows: CsvRowError[] } | null {
  if (!(err instanceof ProblemException) || err.getStatus() !== 400) return null;
  const known = ['invalid_csv_header', 'empty_csv', 'too_many_requirements', 'invalid_csv_rows'];
  if (!known.includes(err.code)) return null;
  const fields = (err.extensions.errors ?? []) as { field: string; message: string }[];
  const rows = fields.map((f) => {
    const [, row, column] = /^row (\d+)(?:: (\w+))?/.exec(f.field) ?? [];
    const col = column ?? 'header';
    return {
      row: Number(row ?? 1),
      column: col,
      text: t(
        `catalogue.csv.problem.${COLUMN_PROBLEM[col] ?? (col === 'header' ? 'header' : 'other')}`,
      ),
      detail: f.message,
    };
  });
  const badRows = [...new Set(rows.map((r) => r.row))];
  return {
    summary: [
      {
        field: 'csv',
        text: t(`catalogue.csv.${err.code}`, { count: badRows.length, rows: badRows.join(', ') }),
      },
    ],
    rows,
  };
}
