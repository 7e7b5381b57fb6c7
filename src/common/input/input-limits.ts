import type { FieldError } from '../errors/problem.exception.js';

/** Deepest nesting of arrays/objects accepted in a JSON body or query (deeper is 400). */
export const MAX_INPUT_DEPTH = 64;

/** Highest `?page=` accepted on list endpoints (beyond is 400; use filters instead). */
export const MAX_PAGE = 10_000;

/**
 * Walks a parsed body, query or path parameter without recursion and returns the first
 * problem: nesting deeper than MAX_INPUT_DEPTH, or a string (value or key) that holds a
 * NUL character or an unpaired UTF-16 surrogate. Such strings are rejected, never
 * normalised: a silently changed value would be stored as something the client did not send.
 */
export function inspectInput(value: unknown, root: string): FieldError | null {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value, path: root, depth: 0 },
  ];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = badString(v);
      if (problem) return { field: path || 'body', message: `${path || 'body'} ${problem}` };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      return {
        field: path || 'body',
        message: `nesting is deeper than ${MAX_INPUT_DEPTH} levels`,
      };
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i], path: `${path}[${i}]`, depth: depth + 1 });
      }
      continue;
    }
    for (const key of Object.keys(v)) {
      const keyPath = path ? `${path}.${key}` : key;
      const problem = badString(key);
      if (problem) return { field: keyPath, message: `property name ${problem}` };
      stack.push({ value: (v as Record<string, unknown>)[key], path: keyPath, depth: depth + 1 });
    }
  }
  return null;
}

/** In unicode mode a paired surrogate is one code point, so this matches only lone ones. */
const LONE_SURROGATE = /\p{Cs}/u;

function badString(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain a NUL character';
  if (LONE_SURROGATE.test(s)) return 'must not contain an unpaired UTF-16 surrogate';
  return null;
}
