import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DecisionDto, VerdictsDto } from '../../conformance/dto/submission.dto.js';
import { decisionInput, postedVersion, verdictsInput } from './review-forms.js';

describe('review forms', () => {
  it('sends only the items and samples given a verdict, comments trimmed or left out', async () => {
    const input = verdictsInput(
      {
        version: '7',
        'verdict-ADM-001': 'meets',
        'comment-ADM-001': '  seen in the demo ',
        'verdict-ADM-002': '',
        'comment-ADM-002': 'ignored without a verdict',
        'sample-s1': 'not_accepted',
        'sampleComment-s1': '',
        'verdict-XYZ-999': 'meets',
      },
      ['ADM-001', 'ADM-002'],
      ['s1'],
    );
    expect(input).toEqual({
      version: 7,
      items: [{ code: 'ADM-001', verdict: 'meets', comment: 'seen in the demo' }],
      samples: [{ id: 's1', verdict: 'not_accepted', comment: undefined }],
    });
  });

  it('leaves a forged verdict for the API DTO to refuse', async () => {
    const input = verdictsInput({ version: '1', 'verdict-ADM-001': 'great' }, ['ADM-001'], []);
    const errors = await validate(plainToInstance(VerdictsDto, input));
    expect(errors.map((e) => e.property)).toEqual(['items']);
  });

  it('drops an empty override reason and keeps the rest for DecisionDto', async () => {
    const input = decisionInput({
      version: '3',
      result: 'approved',
      reason: ' ok ',
      overrideReason: ' ',
    });
    expect(input).toEqual({ version: 3, result: 'approved', reason: 'ok' });
    expect(await validate(plainToInstance(DecisionDto, input))).toEqual([]);
  });

  it('treats a version that is not a positive integer as 0 (stale on purpose)', () => {
    expect([
      postedVersion('12'),
      postedVersion('0'),
      postedVersion('1e3'),
      postedVersion(''),
    ]).toEqual([12, 0, 0, 0]);
  });
});
