import { describe, expect, it } from '@jest/globals';
import { ADOPTION_STAGES } from './adoption-stage.js';
import { ADOPTION_TRANSITIONS, stageRank, stagesPassed } from './adoption-lifecycle.js';

describe('adoption lifecycle', () => {
  it('has a transition list for every stage, naming only known stages', () => {
    for (const s of ADOPTION_STAGES) {
      expect(ADOPTION_TRANSITIONS[s]).toBeDefined();
      for (const t of ADOPTION_TRANSITIONS[s]) expect(ADOPTION_STAGES).toContain(t);
    }
  });

  it('walks forward one stage at a time from not_started to live', () => {
    const path = ['not_started', 'planning', 'procurement', 'implementation', 'testing', 'live'];
    for (let i = 0; i < path.length - 1; i++) {
      expect(ADOPTION_TRANSITIONS[path[i] as 'planning']).toContain(path[i + 1]);
    }
    expect(ADOPTION_TRANSITIONS.not_started).not.toContain('live');
  });

  it('passes the earlier stages only when moving forward or resuming', () => {
    expect(stagesPassed('planning', 'procurement')).toEqual(['not_started', 'planning']);
    expect(stagesPassed('testing', 'implementation')).toEqual([]);
    expect(stagesPassed('paused', 'testing')).toEqual([
      'not_started',
      'planning',
      'procurement',
      'implementation',
    ]);
    expect(stagesPassed('live', 'paused')).toEqual([]);
    expect(stageRank('withdrawn')).toBe(-1);
  });
});
