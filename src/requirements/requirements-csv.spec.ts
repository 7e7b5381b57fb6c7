import { describe, expect, it } from '@jest/globals';
import { ProblemException } from '../common/errors/problem.exception.js';
import { parseRequirementsCsv, toRequirementsCsv } from './requirements-csv.js';

const problem = (text: string): ProblemException => {
  try {
    parseRequirementsCsv(text);
  } catch (e) {
    return e as ProblemException;
  }
  throw new Error('expected a problem');
};

describe('requirements CSV', () => {
  it('round-trips requirements, quoting commas, quotes and newlines', () => {
    const rows = [
      {
        id: 'x',
        position: 1,
        code: 'ADM-001',
        title: 'Apply online, any device',
        description: 'The system MUST say "hello"\nthen go on',
        level: 'MUST' as const,
        category: 'Application',
        acceptanceCriteria: '',
      },
    ];
    const parsed = parseRequirementsCsv(toRequirementsCsv(rows));
    expect(parsed).toEqual([
      {
        code: 'ADM-001',
        title: 'Apply online, any device',
        description: 'The system MUST say "hello"\nthen go on',
        level: 'MUST',
        category: 'Application',
        acceptanceCriteria: '',
      },
    ]);
  });

  it('accepts columns in any order and lower-case levels', () => {
    const [r] = parseRequirementsCsv('level,title,code\nshould,Pay by card,PAY-001\n');
    expect(r).toMatchObject({ code: 'PAY-001', level: 'SHOULD', title: 'Pay by card' });
  });

  it('names every bad row by its spreadsheet row number', () => {
    const p = problem(
      'code,title,level\nADM-001,Fine,MUST\nADM-1,Bad code,MUST\nADM-003,,OFTEN\nADM-001,Again,MAY\n',
    );
    expect(p.getStatus()).toBe(400);
    expect(p.code).toBe('invalid_csv_rows');
    expect(p.message).toBe('3 row(s) are invalid: 3, 4, 5');
    const fields = (p.extensions.errors ?? []).map((e) => e.field);
    expect(fields).toEqual(['row 3: code', 'row 4: title', 'row 4: level', 'row 5: code']);
  });

  it('refuses a header without the required columns, or with unknown ones', () => {
    const p = problem('code,name,level\nADM-001,x,MUST\n');
    expect(p.code).toBe('invalid_csv_header');
    expect(p.extensions.errors?.map((e) => e.message)).toEqual([
      'column title is missing',
      'column name is not known',
    ]);
  });

  it('refuses an empty file', () => {
    expect(problem('code,title,level\n').code).toBe('empty_csv');
  });
});
