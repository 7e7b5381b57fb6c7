import { describe, expect, it } from '@jest/globals';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { tFor } from '../i18n.js';
import { explainMoveRefusal } from './programme-adoption-page.js';

describe('programme adoption page: refused moves', () => {
  const en = tFor('en');

  it('names each unfinished step, linking to it, and opens the override for the same target', () => {
    const steps = [
      { id: 's1', title: 'Business case approved', stage: 'planning' },
      { id: 's2', title: 'Supplier chosen', stage: 'procurement' },
    ];
    const err = ProblemException.conflict('steps_incomplete', 'steps not done', { steps });
    expect(explainMoveRefusal(err, 'implementation', en)).toEqual({
      status: 409,
      blocked: { to: 'implementation', steps },
      errors: [
        {
          field: 'overrideReason',
          text: 'It cannot move to Implementation until these mandatory steps are done, or you override them with a reason.',
        },
        {
          field: 'step-s1',
          text: 'Mandatory step “Business case approved” (Planning) is not done',
        },
        { field: 'step-s2', text: 'Mandatory step “Supplier chosen” (Procurement) is not done' },
      ],
    });
  });

  it('says plainly that someone else changed the adoption, in Welsh too', () => {
    const stale = ProblemException.staleVersion('Adoption', 4);
    const refusal = explainMoveRefusal(stale, 'testing', en);
    expect(refusal?.status).toBe(409);
    expect(refusal?.blocked).toBeUndefined();
    expect(refusal?.errors[0].text).toMatch(/^Someone else changed this adoption/);
    expect(explainMoveRefusal(stale, 'testing', tFor('cy'))?.errors[0].text).toMatch(
      /^Mae rhywun arall wedi newid/,
    );
  });

  it('words other rule refusals as the council pages do, and leaves other errors alone', () => {
    const illegal = ProblemException.conflict('illegal_transition', 'no', {
      from: 'live',
      to: 'planning',
      allowed: ['paused', 'withdrawn'],
    });
    expect(explainMoveRefusal(illegal, 'planning', en)?.errors[0]).toEqual({
      field: 'to',
      text: 'An adoption at Live cannot move to Planning. From Live it can move to: Paused, Withdrawn.',
    });
    expect(explainMoveRefusal(new Error('boom'), 'planning', en)).toBeNull();
    const forbidden = new ProblemException(403, 'override_not_allowed', 'admins only');
    expect(explainMoveRefusal(forbidden, 'planning', en)).toBeNull();
  });
});
