import Mustache from 'mustache';
import { ProblemException, type FieldError } from '../common/errors/problem.exception.js';

/**
 * The placeholders a template may use. Lists (sections over arrays) name the fields of
 * their items: `products` and `councils` are what the audience matched the recipient
 * supplier on (see AudienceResolver.context); `outstanding` is a digest's items.
 */
export const PLACEHOLDERS: Record<string, string> = {
  'supplier.name': "The recipient supplier's name",
  'contact.name': "The recipient contact's name",
  'contact.email': "The recipient contact's email address",
  'communication.topic': 'The topic of the communication',
  'communication.acknowledgeBy': 'The acknowledge-by date (YYYY-MM-DD), empty when none',
  ackLink: 'A signed link that acknowledges the communication for the supplier',
};
export const LIST_PLACEHOLDERS: Record<string, string[]> = {
  outstanding: ['kind', 'title', 'due', 'link'],
  products: ['name', 'release', 'status'],
  councils: ['name', 'gssCode', 'region', 'nation'],
};

/** The values one recipient's rendering sees. */
export interface TemplateView {
  supplier: { name: string };
  contact: { name: string; email: string };
  communication: { topic: string; acknowledgeBy: string };
  ackLink: string;
  [list: string]: unknown;
}

type Span = [string, string, number, number, Span[]?, number?];

/** Logic-less Mustache templates: checked against the placeholder list when saved. */
export class TemplateRenderer {
  /** Field errors for every unknown placeholder, partial or syntax error in `template`. */
  static problems(field: string, template: string): FieldError[] {
    let spans: Span[];
    try {
      spans = Mustache.parse(template) as Span[];
    } catch (err) {
      return [{ field, message: `invalid template: ${(err as Error).message}` }];
    }
    const errors: FieldError[] = [];
    const walk = (list: Span[], item: string[] | null) => {
      for (const [type, name, , , children] of list) {
        if (type === 'text' || type === '!') continue;
        if (type === '>' || type === '=') {
          errors.push({ field, message: `partials and delimiter changes are not allowed` });
          continue;
        }
        // Own-property checks only: `constructor`, `toString` or `__proto__` are not
        // placeholders just because every object inherits them.
        const isList = Object.hasOwn(LIST_PLACEHOLDERS, name);
        const known =
          Object.hasOwn(PLACEHOLDERS, name) ||
          isList ||
          (item !== null && (name === '.' || item.includes(name)));
        if (!known) {
          errors.push({ field, message: `unknown placeholder {{${name}}}` });
          continue;
        }
        if (children) {
          const scope = isList ? LIST_PLACEHOLDERS[name] : (item ?? []);
          walk(children, type === '#' ? scope : item);
        }
      }
    };
    walk(spans, null);
    return errors;
  }

  /** 400 naming every unknown placeholder of the given templates. */
  static assertValid(templates: Record<string, string | undefined>): void {
    const errors = Object.entries(templates).flatMap(([field, t]) =>
      t === undefined ? [] : TemplateRenderer.problems(field, t),
    );
    if (errors.length > 0) {
      throw ProblemException.badRequest(
        'invalid_template',
        `Templates use unknown placeholders or syntax: ${errors.map((e) => e.message).join('; ')}`,
        errors,
      );
    }
  }

  /** Renders; `html` escapes values as Mustache does, otherwise values are inserted as is. */
  static render(template: string, view: TemplateView, opts: { html: boolean }): string {
    return Mustache.render(
      template,
      nullPrototype(view),
      {},
      opts.html ? {} : { escape: (v: string) => v },
    );
  }
}

/**
 * A copy of the view whose objects have no prototype, so a name Mustache looks up can only
 * ever find the values put there (never `constructor`, `toString`, `__proto__`).
 */
function nullPrototype(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(nullPrototype);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const copy = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) copy[k] = nullPrototype(v);
  return copy;
}
