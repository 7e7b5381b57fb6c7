import { describe, expect, it } from '@jest/globals';
import { ProblemException } from '../common/errors/problem.exception.js';
import { SchemaValidator } from './schema-validator.js';

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['name', 'a/b'],
  additionalProperties: false,
  properties: {
    name: { type: 'string' },
    'a/b': { type: 'integer' },
    when: { type: 'string', format: 'date' },
    items: { type: 'array', items: { type: 'integer' } },
  },
};

const problem = (fn: () => unknown): ProblemException => {
  try {
    fn();
  } catch (e) {
    return e as ProblemException;
  }
  throw new Error('expected a problem');
};

describe('SchemaValidator', () => {
  it('reports errors as JSON pointers to the offending (or missing) member', async () => {
    const v = new SchemaValidator();
    const fn = await v.validatorFor('k', async () => schema);
    expect(SchemaValidator.run(fn, { name: 'x', 'a/b': 1 })).toEqual({ valid: true, errors: [] });
    const result = SchemaValidator.run(fn, { extra: true, when: '2027-02-30', items: [1, 'two'] });
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.pointer).sort()).toEqual([
      '/a~1b',
      '/extra',
      '/items/1',
      '/name',
      '/when',
    ]);
    expect(result.errors.find((e) => e.pointer === '/name')?.message).toBe(
      "must have required property 'name'",
    );
  });

  it('compiles once per key and again when the key changes', async () => {
    const v = new SchemaValidator();
    let loads = 0;
    const load = async () => {
      loads++;
      return schema;
    };
    const first = await v.validatorFor('std@1', load);
    expect(await v.validatorFor('std@1', load)).toBe(first);
    expect(loads).toBe(1);
    expect(v.compilations).toBe(1);
    expect(await v.validatorFor('std@2', load)).not.toBe(first);
    expect(v.compilations).toBe(2);
  });

  it('keeps schemas with the same $id apart', async () => {
    const v = new SchemaValidator();
    const a = await v.validatorFor('a', async () => ({
      $id: 'https://x.example/s',
      type: 'string',
    }));
    const b = await v.validatorFor('b', async () => ({
      $id: 'https://x.example/s',
      type: 'integer',
    }));
    expect([a('s'), b('s'), b(1)]).toEqual([true, false, true]);
  });

  it.each([
    ['a wrong type name', { type: 'strng' }, 'must be equal to one of the allowed values'],
    ['an unknown keyword (strict)', { type: 'object', requried: ['a'] }, 'unknown keyword'],
    ['a reference that resolves nowhere', { $ref: '#/$defs/missing' }, "can't resolve reference"],
    [
      'another draft',
      { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' },
      'not draft 2020-12',
    ],
  ])('refuses %s with a 400 carrying the validator message', (_, bad, message) => {
    const p = problem(() => new SchemaValidator().check(bad));
    expect(p.getStatus()).toBe(400);
    expect(p.code).toBe('invalid_schema');
    expect(p.message).toContain(message);
  });
});
