import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage, type ValidationTypes } from 'class-validator';
import type { Parameter, Schema } from './openapi-types.js';

interface Rule {
  propertyName: string;
  type: (typeof ValidationTypes)[keyof typeof ValidationTypes] | string;
  name?: string;
  constraints?: unknown[];
  each?: boolean;
}
type Patch = (schema: Schema, c: unknown[]) => void;

const setIfAbsent = <K extends keyof Schema>(schema: Schema, key: K, value: Schema[K]) => {
  if (schema[key] === undefined) schema[key] = value;
};

const DATE_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}$`;

/** class-validator rule name -> what it means in JSON Schema. */
const PATCHES: Record<string, Patch> = {
  isEmail: (s) => setIfAbsent(s, 'format', 'email'),
  isUuid: (s) => setIfAbsent(s, 'format', 'uuid'),
  isUrl: (s) => setIfAbsent(s, 'format', 'uri'),
  isDateString: (s) => setIfAbsent(s, 'format', 'date-time'),
  isIso8601: (s) => setIfAbsent(s, 'format', 'date-time'),
  isIsoDate: (s) => setIfAbsent(s, 'format', 'date'),
  matches: (s, [re]) => re instanceof RegExp && setIfAbsent(s, 'pattern', re.source),
  isIn: (s, [values]) => Array.isArray(values) && setIfAbsent(s, 'enum', values),
  maxLength: (s, [n]) => setIfAbsent(s, 'maxLength', Number(n)),
  minLength: (s, [n]) => setIfAbsent(s, 'minLength', Number(n)),
  max: (s, [n]) => setIfAbsent(s, 'maximum', Number(n)),
  min: (s, [n]) => setIfAbsent(s, 'minimum', Number(n)),
  isInt: (s) => {
    if (s.type === 'number') s.type = 'integer';
  },
};
const ARRAY_PATCHES: Record<string, Patch> = {
  arrayMaxSize: (s, [n]) => setIfAbsent(s, 'maxItems', Number(n)),
  arrayMinSize: (s, [n]) => setIfAbsent(s, 'minItems', Number(n)),
  arrayUnique: (s) => setIfAbsent(s, 'uniqueItems', true),
};

/**
 * Writes what the request DTOs' class-validator decorators check into their component
 * schemas (formats, patterns, enums, lengths, bounds), so the document states what the
 * server enforces and cannot drift from it. Values set explicitly by @ApiProperty win.
 */
export function applyValidationConstraints(doc: OpenAPIObject): void {
  applyToSchemas(doc);
  applyToQueryParameters(doc);
}

function patchSchema(prop: Schema, rule: Rule): void {
  if (!rule.name) return;
  const arrayPatch = ARRAY_PATCHES[rule.name];
  if (arrayPatch) return arrayPatch(prop, rule.constraints ?? []);
  const patch = PATCHES[rule.name];
  const into = rule.each && prop.items && !('$ref' in prop.items) ? prop.items : prop;
  if (patch && (!rule.each || into !== prop)) patch(into, rule.constraints ?? []);
}

type Constructor = abstract new (...args: never[]) => unknown;

function validatedClasses(): { target: Constructor; rules: Rule[] }[] {
  const storage = getMetadataStorage();
  const targets = (storage as unknown as { validationMetadatas: Map<unknown, unknown> })
    .validationMetadatas;
  return [...targets.keys()]
    .filter((t): t is Constructor => typeof t === 'function')
    .map((target) => ({
      target,
      rules: storage.getTargetValidationMetadatas(target, '', true, false),
    }));
}

/**
 * Nest flattens a query DTO into parameters; the DTO is the smallest validated class
 * that has every one of the operation's query parameters.
 */
function applyToQueryParameters(doc: OpenAPIObject): void {
  const classes = validatedClasses().map((c) => ({
    ...c,
    names: new Set(c.rules.map((r) => r.propertyName)),
  }));
  for (const item of Object.values(doc.paths)) {
    for (const op of [item.get, item.post, item.put, item.patch, item.delete]) {
      const query = ((op?.parameters ?? []) as Parameter[]).filter((p) => p.in === 'query');
      if (query.length === 0) continue;
      const dto = classes
        .filter((c) => query.every((p) => c.names.has(p.name)))
        .sort((a, b) => a.names.size - b.names.size)[0];
      if (!dto) continue;
      for (const param of query) {
        const schema = param.schema;
        if (!schema || '$ref' in schema) continue;
        for (const rule of dto.rules)
          if (rule.propertyName === param.name) patchSchema(schema, rule);
      }
    }
  }
}

function applyToSchemas(doc: OpenAPIObject): void {
  const schemas = doc.components?.schemas ?? {};
  for (const { target, rules } of validatedClasses()) {
    const schema = schemas[target.name];
    if (!schema || '$ref' in schema || !schema.properties) continue;
    for (const rule of rules) {
      const prop = schema.properties[rule.propertyName];
      if (prop && !('$ref' in prop)) patchSchema(prop, rule);
    }
    // IsIsoDate is IsISO8601 restricted to YYYY-MM-DD: a date, not a date-time.
    for (const prop of Object.values(schema.properties)) {
      if ('$ref' in prop) continue;
      if (prop.format === 'date-time' && prop.pattern === DATE_PATTERN) prop.format = 'date';
    }
  }
}
