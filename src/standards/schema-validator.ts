import { Injectable } from '@nestjs/common';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { ProblemException } from '../common/errors/problem.exception.js';

export interface PayloadError {
  pointer: string;
  message: string;
}

/** Compiled validators kept; the least recently used is dropped beyond this. */
const CACHE_SIZE = 256;
/** Errors reported for one payload, at most. */
const MAX_ERRORS = 100;

const invalid = (why: string) =>
  ProblemException.badRequest('invalid_schema', `The JSON Schema is not valid: ${why}`, [
    { field: 'jsonSchema', message: why },
  ]);

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The JSON pointer of the value an error is about (the missing or unexpected member). */
function pointerOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  const member =
    e.keyword === 'required'
      ? p.missingProperty
      : e.keyword === 'additionalProperties'
        ? p.additionalProperty
        : e.keyword === 'unevaluatedProperties'
          ? p.unevaluatedProperty
          : e.keyword === 'dependentRequired'
            ? p.missingProperty
            : undefined;
  return typeof member === 'string' ? `${e.instancePath}/${escapePointer(member)}` : e.instancePath;
}

/**
 * JSON Schema (draft 2020-12) with ajv: checks schemas when they are uploaded and
 * validates payloads with a validator compiled once per key (standard id + revision).
 * Each schema gets its own Ajv instance, so two schemas with the same `$id` never clash.
 */
@Injectable()
export class SchemaValidator {
  private readonly cache = new Map<string, ValidateFunction>();
  /** How many schemas were compiled (the cache's effect is observable in tests). */
  compilations = 0;

  /** 400 with the validator's message when the schema is not a usable 2020-12 schema. */
  check(schema: object): void {
    this.compile(schema);
  }

  /** The validator for `key`, compiled from `load()` only when it is not cached. */
  async validatorFor(key: string, load: () => Promise<object>): Promise<ValidateFunction> {
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const fn = this.compile(await load());
    this.cache.set(key, fn);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return fn;
  }

  /** Runs a compiled validator: `{ valid, errors: [{ pointer, message }] }`. */
  static run(fn: ValidateFunction, payload: unknown): { valid: boolean; errors: PayloadError[] } {
    const valid = fn(payload);
    const errors = (fn.errors ?? [])
      .slice(0, MAX_ERRORS)
      .map((e) => ({ pointer: pointerOf(e), message: e.message ?? e.keyword }));
    return { valid, errors: valid ? [] : errors };
  }

  private compile(schema: object): ValidateFunction {
    const ajv = new Ajv2020({
      allErrors: true,
      strict: true,
      strictTypes: false,
      strictTuples: false,
      strictRequired: false,
      logger: false,
    });
    ajvFormats.default(ajv);
    let valid: boolean;
    try {
      valid = ajv.validateSchema(schema) as boolean;
    } catch (err) {
      throw invalid(`its meta-schema is not draft 2020-12 (${(err as Error).message})`);
    }
    if (!valid) {
      throw ProblemException.badRequest(
        'invalid_schema',
        `The JSON Schema is not valid: ${ajv.errorsText(ajv.errors, { dataVar: 'schema' })}`,
        (ajv.errors ?? []).map((e) => ({
          field: `jsonSchema${e.instancePath.replace(/\//g, '.')}`,
          message: e.message ?? e.keyword,
        })),
      );
    }
    try {
      const fn = ajv.compile(schema);
      this.compilations++;
      return fn;
    } catch (err) {
      throw invalid(`it cannot be compiled (${(err as Error).message})`);
    }
  }
}
