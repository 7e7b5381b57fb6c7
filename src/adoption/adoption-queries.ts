import type { Actor } from '../auth/actor.js';
import { isTenantScoped } from '../auth/actor.js';
import { CERTIFYING_STATUSES } from '../conformance/certificate-status.js';
import { COUNCIL_VISIBLE_PRODUCT_STATUSES } from '../products/product-lifecycle.js';
import type { AdoptionStage, RouteType } from './adoption-stage.js';
import type { SqlParams } from '../common/sql/sql-params.js';
import { councilIdSql } from '../organisations/council-ref.js';

export const CERTIFYING_SQL = `(${CERTIFYING_STATUSES.map((s) => `'${s}'`).join(', ')})`;
export const USABLE_PRODUCT_SQL = `(${COUNCIL_VISIBLE_PRODUCT_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * One adoption as every read shows it: council, service, route (product and its supplier,
 * or shared service and its operator) and the route's best certificate for the service.
 * Aliases: a adoptions, o council, s service, p product, ss shared service.
 */
export const ADOPTION_SELECT = `
  SELECT a.id, a.council_id, o.name AS council_name, o.gss_code, o.nation, o.region,
         a.service_id, s.code AS service_code, s.name AS service_name,
         a.route_type, a.product_id, p.name AS product_name, p.status AS product_status,
         a.shared_service_id, ss.name AS shared_service_name,
         sup.id AS supplier_id, sup.name AS supplier_name,
         cert.status AS certificate_status, cert.expires_at AS certificate_expires_at,
         a.stage, a.stage_entered_at, a.target_dates, a.go_live_date::text AS go_live_date,
         a.notes, a.attention_required, a.attention_reason, a.version, a.created_at, a.updated_at
    FROM adoptions a
    JOIN organisations o ON o.id = a.council_id
    JOIN services s ON s.id = a.service_id
    LEFT JOIN products p ON p.id = a.product_id
    LEFT JOIN shared_services ss ON ss.id = a.shared_service_id
    LEFT JOIN organisations sup ON sup.id = COALESCE(p.supplier_id, ss.operator_id)
    LEFT JOIN LATERAL (
      SELECT c.status, c.expires_at FROM certificates c
       WHERE c.product_id = a.product_id AND c.service_id = a.service_id
       ORDER BY c.status IN ${CERTIFYING_SQL} DESC, c.expires_at DESC LIMIT 1) cert ON true`;

export interface AdoptionRow {
  id: string;
  council_id: string;
  council_name: string;
  gss_code: string | null;
  nation: string | null;
  region: string | null;
  service_id: string;
  service_code: string;
  service_name: string;
  route_type: RouteType | null;
  product_id: string | null;
  product_name: string | null;
  product_status: string | null;
  shared_service_id: string | null;
  shared_service_name: string | null;
  supplier_id: string | null;
  supplier_name: string | null;
  certificate_status: string | null;
  certificate_expires_at: Date | null;
  stage: AdoptionStage;
  stage_entered_at: Date;
  target_dates: Partial<Record<AdoptionStage, string>>;
  go_live_date: string | null;
  notes: string;
  attention_required: boolean;
  attention_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface AdoptionFilters {
  serviceId?: string;
  councilId?: string;
  stage?: AdoptionStage;
  region?: string;
  nation?: string;
  supplierId?: string;
  attention?: boolean;
}

/**
 * What the caller may read, as SQL over the aliases of ADOPTION_SELECT: a council its
 * own adoptions; a supplier those routed through its products or a shared service it
 * operates; programme staff and agencies everything. Null means no restriction.
 */
export function visibleAdoptionsSql(actor: Actor, p: SqlParams): string | null {
  if (!isTenantScoped(actor)) return null;
  const org = p.add(actor.organisationId);
  return actor.role === 'council'
    ? `a.council_id = ${org}`
    : `(p.supplier_id = ${org} OR ss.operator_id = ${org})`;
}

/** The list filters (and the CSV export's), plus the caller's visibility, as a WHERE. */
export function adoptionWhere(actor: Actor, f: AdoptionFilters, p: SqlParams): string {
  const parts: string[] = [];
  const visible = visibleAdoptionsSql(actor, p);
  if (visible) parts.push(visible);
  if (f.serviceId) parts.push(`a.service_id = ${p.add(f.serviceId)}`);
  if (f.councilId) parts.push(`a.council_id = ${councilIdSql(f.councilId, p.add(f.councilId))}`);
  if (f.stage) parts.push(`a.stage = ${p.add(f.stage)}`);
  if (f.region) parts.push(`o.region = ${p.add(f.region)}`);
  if (f.nation) parts.push(`o.nation = ${p.add(f.nation)}`);
  if (f.supplierId) {
    const s = p.add(f.supplierId);
    parts.push(`(p.supplier_id = ${s} OR ss.operator_id = ${s})`);
  }
  if (f.attention !== undefined) parts.push(`a.attention_required = ${p.add(f.attention)}`);
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

/**
 * The `depends_on` services of `service` that are not live for `council` (SQL
 * expressions). A dependency is live for a council when either
 *  - the council's own adoption of it is at `live` (whatever its route: a product or a
 *    shared service the council belongs to), or
 *  - it is a shared-delivery service (e.g. the national FSM eligibility checker) whose
 *    catalogue status is `live` and the council is a member of one of its shared services.
 */
export const blockingDependenciesSql = (council: string, service: string) => `
  SELECT d.id, d.code, d.name
    FROM service_relationships r
    JOIN services d ON d.id = r.to_service_id
   WHERE r.from_service_id = ${service} AND r.type = 'depends_on'
     AND NOT EXISTS (SELECT 1 FROM adoptions da
                      WHERE da.council_id = ${council} AND da.service_id = d.id AND da.stage = 'live')
     AND NOT (d.delivery_model = 'shared' AND d.status = 'live' AND EXISTS (
              SELECT 1 FROM shared_services dss
                JOIN shared_service_members dm ON dm.shared_service_id = dss.id
               WHERE dss.service_id = d.id AND dm.council_id = ${council}))`;
