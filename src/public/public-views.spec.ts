import { describe, expect, it } from '@jest/globals';
import {
  PUBLIC_ADOPTION_FIELDS,
  PUBLIC_AREA_ROLLOUT_FIELDS,
  PUBLIC_CERTIFIED_PRODUCT_FIELDS,
  PUBLIC_COUNCIL_FIELDS,
  PUBLIC_SERVICE_ROLLOUT_FIELDS,
  PUBLIC_TREND_FIELDS,
  selectList,
} from './public-views.js';

/** Column names that hold internal data; a public field's SQL must not read any of them. */
const INTERNAL = [
  'notes',
  'note',
  'attention_required',
  'attention_reason',
  'justification',
  'decision_reason',
  'email',
  'status_reason',
  'revoked_reason',
  'supplier_reply',
  'target_dates',
  'description',
  'route_type',
  'product_id',
  'shared_service_id',
  'seed_key',
];

const VIEWS = {
  PUBLIC_ADOPTION_FIELDS,
  PUBLIC_AREA_ROLLOUT_FIELDS,
  PUBLIC_CERTIFIED_PRODUCT_FIELDS,
  PUBLIC_COUNCIL_FIELDS,
  PUBLIC_SERVICE_ROLLOUT_FIELDS,
  PUBLIC_TREND_FIELDS,
};

const readsInternal = (fields: Record<string, string>) =>
  Object.entries(fields)
    .filter(([, sql]) => INTERNAL.some((c) => new RegExp(`\\b${c}\\b`).test(sql)))
    .map(([name]) => name);

describe('public views', () => {
  it.each(Object.entries(VIEWS))('%s reads no internal column', (_, fields) => {
    expect(readsInternal(fields)).toEqual([]);
  });

  it('notices an internal column added to a public view', () => {
    const widened = { ...PUBLIC_ADOPTION_FIELDS, justification: 'v.justification' };
    expect(readsInternal(widened)).toEqual(['justification']);
  });

  it('selects exactly the declared fields, in order', () => {
    expect(selectList({ a: 'x.a', b: 'lower(y.b)' })).toBe('x.a AS "a", lower(y.b) AS "b"');
  });
});
