import { SqlParams } from '../common/sql/sql-params.js';
import { Injectable } from '@nestjs/common';
import {
  type AudienceFilter,
  hasCouncilConditions,
  hasProductConditions,
  isCouncilAudience,
} from './audience-filter.js';

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

type Param = (value: unknown) => string;

/**
 * The SQL conditions of one filter, each parameter bound once. `product(p)` is the
 * product-level match of a product `p` of supplier `s`; `council(o)` the council match of
 * an organisation `o`; `served(o, p)` says that `s` serves council `o` (an adoption of one
 * of the services routed through a matching product or a shared service `s` operates).
 */
class FilterSql {
  private readonly services: string | null;
  private readonly productStatuses: string | null;
  private readonly certificateStatuses: string | null;
  private readonly regions: string | null;
  private readonly nations: string | null;
  private readonly groups: string | null;

  constructor(f: AudienceFilter, param: Param) {
    const list = (values: string[] | undefined, type: string) =>
      values?.length ? `${param(values)}::${type}[]` : null;
    this.services = list(f.serviceIds, 'uuid');
    this.productStatuses = list(f.productStatuses, 'text');
    this.certificateStatuses = list(f.certificateStatuses, 'text');
    this.regions = list(f.regions, 'text');
    this.nations = list(f.nations, 'text');
    this.groups = list(f.councilGroupIds, 'uuid');
  }

  /** Product `p` belongs to `s` and satisfies every product-level kind. */
  product(p: string): string {
    return [
      `${p}.supplier_id = s.id`,
      this.services &&
        `EXISTS (SELECT 1 FROM product_services ps
                  WHERE ps.product_id = ${p}.id AND ps.service_id = ANY(${this.services}))`,
      this.productStatuses && `${p}.status = ANY(${this.productStatuses})`,
      this.certificateStatuses &&
        `EXISTS (SELECT 1 FROM certificates ce
                  WHERE ce.product_id = ${p}.id AND ce.status = ANY(${this.certificateStatuses})
                  ${this.services ? `AND ce.service_id = ANY(${this.services})` : ''})`,
    ]
      .filter(Boolean)
      .join(' AND ');
  }

  /** Council `o` satisfies every council kind. */
  council(o: string): string {
    return [
      `${o}.type = 'COUNCIL'`,
      this.regions && `${o}.region = ANY(${this.regions})`,
      this.nations && `${o}.nation = ANY(${this.nations})`,
      this.groups &&
        `EXISTS (SELECT 1 FROM council_group_members gm
                  WHERE gm.council_id = ${o}.id AND gm.group_id = ANY(${this.groups}))`,
    ]
      .filter(Boolean)
      .join(' AND ');
  }

  /** `s` serves council `o` for one of the services. */
  served(o: string): string {
    return `EXISTS (SELECT 1 FROM adoptions ad
                     WHERE ad.council_id = ${o}.id AND ad.stage <> 'withdrawn'
                       ${this.services ? `AND ad.service_id = ANY(${this.services})` : ''}
                       AND (EXISTS (SELECT 1 FROM products ap
                                     WHERE ap.id = ad.product_id AND ${this.product('ap')})
                            OR EXISTS (SELECT 1 FROM shared_services ss
                                        WHERE ss.id = ad.shared_service_id AND ss.operator_id = s.id)))`;
  }

  /** The WHERE conditions over `s` for the product-level and council kinds. */
  clauses(f: AudienceFilter): string[] {
    const out: string[] = [];
    if (hasProductConditions(f)) {
      out.push(`EXISTS (SELECT 1 FROM products fp WHERE ${this.product('fp')})`);
    }
    if (hasCouncilConditions(f)) {
      out.push(`EXISTS (SELECT 1 FROM organisations fo
                         WHERE ${this.council('fo')} AND ${this.served('fo')})`);
    }
    return out;
  }
}

/** A row of the recipients query. */
export interface AudienceRow {
  supplier_id: string;
  supplier_name: string;
  contact_id: string;
  contact_name: string;
  email: string;
  webhook_url: string | null;
}

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
    if (isCouncilAudience(req.audience)) return this.councilQuery(req, firstParam);
    const { params, param } = AudienceResolver.binder(firstParam);
    const f = req.audience;
    const where = [
      `s.type = 'SUPPLIER'`,
      `(${param(req.mandatory)}::boolean OR c.topics @> ARRAY[${param(req.topic)}::text])`,
      f.supplierIds?.length ? `s.id = ANY(${param(f.supplierIds)}::uuid[])` : null,
      f.onboardingStatuses?.length
        ? `s.onboarding_status = ANY(${param(f.onboardingStatuses)}::text[])`
        : null,
      ...new FilterSql(f, param).clauses(f),
    ].filter((w) => w !== null);
    const sql = `SELECT s.id AS supplier_id, s.name AS supplier_name, c.id AS contact_id,
                        c.name AS contact_name, c.email, w.url AS webhook_url
                   FROM organisations s
                   JOIN supplier_contacts c ON c.supplier_id = s.id AND c.active
                   LEFT JOIN supplier_webhooks w ON w.supplier_id = s.id AND w.active
                  WHERE ${where.join('\n                    AND ')}`;
    return { sql, params };
  }

  /**
   * A councils audience: the active contacts (subscribed to the topic, or every one for a
   * mandatory notice) of the councils matching every kind. Same columns as `query`
   * (`supplier_id` is the council; no webhook: councils have no endpoint).
   */
  private councilQuery(req: AudienceRequest, firstParam: number): SqlQuery {
    const { params, param } = AudienceResolver.binder(firstParam);
    const f = req.audience;
    const list = (values: string[] | undefined, type: string) =>
      values?.length ? `${param(values)}::${type}[]` : null;
    const services = list(f.serviceIds, 'uuid');
    const stages = list(f.adoptionStages, 'text');
    const where = [
      `s.type = 'COUNCIL'`,
      `(${param(req.mandatory)}::boolean OR c.topics @> ARRAY[${param(req.topic)}::text])`,
      f.councilIds?.length ? `s.id = ANY(${param(f.councilIds)}::uuid[])` : null,
      f.regions?.length ? `s.region = ANY(${param(f.regions)}::text[])` : null,
      f.nations?.length ? `s.nation = ANY(${param(f.nations)}::text[])` : null,
      f.councilGroupIds?.length
        ? `EXISTS (SELECT 1 FROM council_group_members gm
                    WHERE gm.council_id = s.id AND gm.group_id = ANY(${param(f.councilGroupIds)}::uuid[]))`
        : null,
      services || stages
        ? `EXISTS (SELECT 1 FROM adoptions ad WHERE ad.council_id = s.id
                    AND ${stages ? `ad.stage = ANY(${stages})` : `ad.stage <> 'withdrawn'`}
                    ${services ? `AND ad.service_id = ANY(${services})` : ''})`
        : null,
    ].filter((w) => w !== null);
    const sql = `SELECT s.id AS supplier_id, s.name AS supplier_name, c.id AS contact_id,
                        c.name AS contact_name, c.email, NULL::text AS webhook_url
                   FROM organisations s
                   JOIN supplier_contacts c ON c.supplier_id = s.id AND c.active
                  WHERE ${where.join('\n                    AND ')}`;
    return { sql, params };
  }

  /**
   * What the templates' lists show for each supplier `s` satisfying `suppliers` (an SQL
   * condition over `s`): `products`, its products matching the product-level kinds (all
   * its products when there are none), and `councils`, the councils it serves that match
   * the council kinds (each once, by name). Columns: supplier_id, products, councils.
   */
  context(audience: AudienceFilter, suppliers: string, firstParam = 1): SqlQuery {
    const { params, param } = AudienceResolver.binder(firstParam);
    const f = new FilterSql(audience, param);
    const sql = `SELECT s.id AS supplier_id,
        COALESCE((SELECT jsonb_agg(jsonb_build_object('name', p.name, 'release', p.product_version,
                                                      'status', p.status)
                                   ORDER BY p.name, p.product_version)
                    FROM products p WHERE ${f.product('p')}), '[]'::jsonb) AS products,
        COALESCE((SELECT jsonb_agg(jsonb_build_object('name', o.name, 'gssCode', o.gss_code,
                                                      'region', o.region, 'nation', o.nation)
                                   ORDER BY o.name)
                    FROM organisations o WHERE ${f.council('o')} AND ${f.served('o')}),
                 '[]'::jsonb) AS councils
      FROM organisations s WHERE s.type = 'SUPPLIER' AND (${suppliers})`;
    return { sql, params };
  }

  private static binder(firstParam: number): { params: unknown[]; param: Param } {
    const p = new SqlParams(firstParam - 1);
    return { params: p.values, param: (value) => p.add(value) };
  }
}
