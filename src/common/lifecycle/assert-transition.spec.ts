import { describe, expect, it } from '@jest/globals';
import { ProblemException } from '../errors/problem.exception.js';
import { assertTransition } from './assert-transition.js';

type S = 'draft' | 'live' | 'retired';
const MAP: Record<S, S[]> = { draft: ['live'], live: ['retired'], retired: [] };

const problem = (fn: () => void): ProblemException => {
  try {
    fn();
  } catch (err) {
    return err as ProblemException;
  }
  throw new Error('no problem thrown');
};

describe('assertTransition', () => {
  it('lets a move in the map through', () => {
    expect(() => assertTransition(MAP, 'draft', 'live', 'a thing')).not.toThrow();
  });

  it('refuses any other move with a 409 naming the allowed ones', () => {
    const p = problem(() => assertTransition(MAP, 'draft', 'retired', 'a thing'));
    expect(p.getStatus()).toBe(409);
    expect(p.code).toBe('illegal_transition');
    expect(p.message).toBe('Cannot move a thing from draft to retired; allowed: live');
    expect(p.extensions).toEqual({ from: 'draft', to: 'retired', allowed: ['live'] });
    expect(problem(() => assertTransition(MAP, 'retired', 'live', 'it')).message).toContain(
      'allowed: none',
    );
  });

  it('narrows the map for a caller', () => {
    const p = problem(() =>
      assertTransition(MAP, 'live', 'retired', 'a thing', { permitted: (to) => to !== 'retired' }),
    );
    expect(p.message).toBe('Cannot move a thing from live to retired; allowed for you: none');
  });
});
