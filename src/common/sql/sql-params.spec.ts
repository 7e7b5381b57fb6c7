import { describe, expect, it } from '@jest/globals';
import { SqlParams } from './sql-params.js';

describe('SqlParams', () => {
  it('numbers placeholders in the order values are added', () => {
    const p = new SqlParams();
    const sql = `SELECT 1 WHERE a = ${p.add('x')} AND b = ANY(${p.add([1, 2])})`;
    expect(sql).toBe('SELECT 1 WHERE a = $1 AND b = ANY($2)');
    expect(p.values).toEqual(['x', [1, 2]]);
  });
});
