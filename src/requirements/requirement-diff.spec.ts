import { describe, expect, it } from '@jest/globals';
import { diffRequirements } from './requirement-diff.js';

const req = (code: string, title = `Title ${code}`, level: 'MUST' | 'SHOULD' | 'MAY' = 'MUST') => ({
  code,
  title,
  description: '',
  level,
  category: 'General',
  acceptanceCriteria: '',
});

describe('diffRequirements', () => {
  it('lists added, changed and removed codes, sorted, with the fields that changed', () => {
    const base = [req('ADM-002'), req('ADM-001'), req('ADM-003')];
    const target = [req('ADM-004'), req('ADM-001', 'New title'), req('ADM-002', undefined, 'MAY')];
    expect(diffRequirements(base, target)).toEqual({
      added: ['ADM-004'],
      changed: ['ADM-001', 'ADM-002'],
      removed: ['ADM-003'],
      changes: [
        { code: 'ADM-001', fields: { title: { before: 'Title ADM-001', after: 'New title' } } },
        { code: 'ADM-002', fields: { level: { before: 'MUST', after: 'MAY' } } },
      ],
    });
  });

  it('ignores order: the same requirements in another order are no change', () => {
    const base = [req('ADM-001'), req('ADM-002')];
    expect(diffRequirements(base, [...base].reverse())).toEqual({
      added: [],
      changed: [],
      removed: [],
      changes: [],
    });
  });

  it('against nothing, everything is added', () => {
    expect(diffRequirements([], [req('PAY-001')]).added).toEqual(['PAY-001']);
  });
});
