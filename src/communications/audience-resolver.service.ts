import { Injectable } from '@nestjs/common';
import type { AudienceFilter } from './audience-filter.js';

/** One SQL query and its parameters. */
export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/** Who is asked for: the filter, and the topic rule of the communication. */
export interface AudienceRequest {
  audience: AudienceFilter;
  topic: string;
  mandatory: boolean;
}

type Clause = (filter: AudienceFilter, param: (value: unknown) => string) => string | null;

/**
 * Kinds of filter, each one WHERE condition over `s` (the supplier organisation) and `c`
 * (its contact); empty kinds add nothing. Future kinds (service, product publication
 * status, certificate status, region / nation / council group served) are one more
 * entry, typically an EXISTS over products, certificates or adoptions.
 */
const CLAUSES: Clause[] = [
  (f, p) => (f.supplierIds?.length ? `s.id = ANY(${p(f.supplierIds)}::uuid[])` : null),
  (f, p) =>
    f.onboardingStatuses?.length
      ? `s.onboarding_status = ANY(${p(f.onboardingStatuses)}::text[])`
      : null,
];

/**
 * Turns an audience filter into ONE query returning the recipients: every active contact
 * (supplier_id, contact_id, email, names, the supplier's active webhook URL or null) of a
 * supplier matching every filter kind. A contact receives a non-mandatory communication
 * only when subscribed to its topic; mandatory ones reach every active contact.
 */
@Injectable()
export class AudienceResolver {
  /** The recipients query; its parameters start at `$${firstParam}`. */
  query(req: AudienceRequest, firstParam = 1): SqlQuery {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${firstParam + params.length - 1}`;
    };
    const where = [
      `s.type = 'SUPPLIER'`,
      `(${param(req.mandatory)}::boolean OR c.topics @> ARRAY[${param(req.topic)}::text])`,
      ...CLAUSES.map((clause) => clause(req.audience, param)).filter((w) => w !== null),
    ];
    const sql = `SELECT s.id AS supplier_id, s.name AS supplier_name, c.id AS contact_id,
                        c.name AS contact_name, c.email, w.url AS webhook_url
                   FROM organisations s
                   JOIN supplier_contacts c ON c.supplier_id = s.id AND c.active
                   LEFT JOIN supplier_webhooks w ON w.supplier_id = s.id AND w.active
                  WHERE ${where.join('\n                    AND ')}`;
    return { sql, params };
  }
}
