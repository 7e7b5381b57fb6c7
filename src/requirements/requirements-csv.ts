import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parseCsv, toCsv } from '../common/csv.js';
import { type FieldError, ProblemException } from '../common/errors/problem.exception.js';
import { flattenValidationErrors } from '../common/errors/validation-errors.js';
import { RequirementDto } from './dto/requirement.dto.js';
import { MAX_REQUIREMENTS } from './requirement-lifecycle.js';
import type { RequirementView } from './requirement-views.js';

/** CSV columns, in order; code, title and level are required. */
export const CSV_COLUMNS = [
  'code',
  'title',
  'description',
  'level',
  'category',
  'acceptance_criteria',
] as const;
const REQUIRED = ['code', 'title', 'level'];

export function toRequirementsCsv(rows: RequirementView[]): string {
  return toCsv(
    [...CSV_COLUMNS],
    rows.map((r) => [r.code, r.title, r.description, r.level, r.category, r.acceptanceCriteria]),
  );
}

/**
 * Parses and validates an import. Any bad row is a 400 listing every problem with its
 * row number as a spreadsheet shows it (the header is row 1).
 */
export function parseRequirementsCsv(text: string): RequirementDto[] {
  const [header, ...rows] = parseCsv(text);
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (!header || unknown.length > 0 || missing.length > 0) {
    throw ProblemException.badRequest(
      'invalid_csv_header',
      `The header row must name the columns ${CSV_COLUMNS.join(', ')} (code, title and level required)`,
      [
        ...missing.map((c) => ({ field: 'row 1', message: `column ${c} is missing` })),
        ...unknown.map((c) => ({ field: 'row 1', message: `column ${c} is not known` })),
      ],
    );
  }
  if (rows.length === 0) {
    throw ProblemException.badRequest('empty_csv', 'The CSV has a header but no requirements');
  }
  if (rows.length > MAX_REQUIREMENTS) {
    throw ProblemException.badRequest(
      'too_many_requirements',
      `A requirement set holds at most ${MAX_REQUIREMENTS} requirements; the CSV has ${rows.length}`,
    );
  }
  const errors: (FieldError & { row: number })[] = [];
  const seen = new Map<string, number>();
  const items = rows.map((cells, i) => {
    const row = i + 2;
    const record = Object.fromEntries(columns.map((c, j) => [c, (cells[j] ?? '').trim()]));
    const dto = plainToInstance(RequirementDto, {
      code: record.code,
      title: record.title,
      level: record.level?.toUpperCase(),
      description: record.description ?? '',
      category: record.category ?? '',
      acceptanceCriteria: record.acceptance_criteria ?? '',
    });
    for (const e of flattenValidationErrors(validateSync(dto))) {
      errors.push({ row, field: `row ${row}: ${e.field}`, message: e.message });
    }
    const first = seen.get(dto.code);
    if (first) {
      errors.push({
        row,
        field: `row ${row}: code`,
        message: `code ${dto.code} repeats row ${first}`,
      });
    } else seen.set(dto.code, row);
    return dto;
  });
  if (errors.length > 0) {
    const badRows = [...new Set(errors.map((e) => e.row))];
    throw ProblemException.badRequest(
      'invalid_csv_rows',
      `${badRows.length} row(s) are invalid: ${badRows.join(', ')}`,
      errors,
    );
  }
  return items;
}
