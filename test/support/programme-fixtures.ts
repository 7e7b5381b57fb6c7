import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AdoptionStage } from '../../src/adoption/adoption-stage.js';
import type { CertificateStatus } from '../../src/conformance/certificate-status.js';
import type { ProductStatus } from '../../src/products/product-lifecycle.js';

/**
 * Direct-to-database fixtures for the programme's L3 records (products, certificates,
 * adoptions), for tests whose subject is elsewhere (adoption rules, audiences,
 * dashboards). Tests of products and conformance themselves go through the HTTP API.
 */

/** A service's id by code (e.g. 'ADMISSIONS' in the demo catalogue). */
export async function serviceIdByCode(db: DataSource, code: string): Promise<string> {
  const [row] = await db.query(`SELECT id FROM services WHERE code = $1`, [code]);
  if (!row) throw new Error(`no service ${code}`);
  return row.id as string;
}

/** An organisation's id by code: a council's GSS code, an agency's or supplier's code. */
export async function organisationIdByCode(db: DataSource, code: string): Promise<string> {
  const [row] = await db.query(
    `SELECT id FROM organisations WHERE gss_code = $1 OR code = $1 ORDER BY gss_code NULLS LAST LIMIT 1`,
    [code],
  );
  if (!row) throw new Error(`no organisation ${code}`);
  return row.id as string;
}

/** The latest published requirement set of a service. */
export async function publishedSetId(db: DataSource, serviceId: string): Promise<string> {
  const [row] = await db.query(
    `SELECT id FROM requirement_sets WHERE service_id = $1 AND status = 'published'
      ORDER BY version DESC LIMIT 1`,
    [serviceId],
  );
  if (!row) throw new Error(`no published requirement set for service ${serviceId}`);
  return row.id as string;
}

export interface ProductFixture {
  productId: string;
  certificateId: string | null;
}

/**
 * A product of `supplierId` delivering `serviceId`, optionally certified against the
 * service's latest published requirement set.
 */
export async function insertProduct(
  db: DataSource,
  spec: {
    supplierId: string;
    serviceId: string;
    name?: string;
    status?: ProductStatus;
    certificate?: CertificateStatus | null;
    expiresInDays?: number;
  },
): Promise<ProductFixture> {
  const productId = randomUUID();
  const status = spec.status ?? 'published';
  await db.query(
    `INSERT INTO products (id, supplier_id, name, product_version, status, published_at)
     VALUES ($1, $2, $3, '1.0', $4, CASE WHEN $4 = 'draft' THEN NULL ELSE now() END)`,
    [productId, spec.supplierId, spec.name ?? `Fixture product ${productId.slice(0, 8)}`, status],
  );
  await db.query(`INSERT INTO product_services (product_id, service_id) VALUES ($1, $2)`, [
    productId,
    spec.serviceId,
  ]);
  if (!spec.certificate) return { productId, certificateId: null };
  const certificateId = await insertCertificate(db, {
    productId,
    supplierId: spec.supplierId,
    serviceId: spec.serviceId,
    status: spec.certificate,
    expiresInDays: spec.expiresInDays,
  });
  return { productId, certificateId };
}

/**
 * A certificate of a product for a service, against the service's latest published
 * requirement set (as if a submission had been approved 30 days ago).
 */
export async function insertCertificate(
  db: DataSource,
  spec: {
    productId: string;
    supplierId: string;
    serviceId: string;
    status: CertificateStatus;
    expiresInDays?: number;
  },
): Promise<string> {
  const certificateId = randomUUID();
  const setId = await publishedSetId(db, spec.serviceId);
  await db.query(
    `INSERT INTO certificates (id, product_id, supplier_id, service_id, requirement_set_id,
                               status, valid_from, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() - interval '30 days',
             now() + make_interval(days => $7::int))`,
    [
      certificateId,
      spec.productId,
      spec.supplierId,
      spec.serviceId,
      setId,
      spec.status,
      spec.expiresInDays ?? 335,
    ],
  );
  return certificateId;
}

/**
 * Sets a council's adoption of a service (creating the row if seeding did not): route
 * through a product or a shared service, and a stage. A stage change is written to the
 * adoption's history as the system, as the api would, so trends add up; a test that
 * writes its own backdated history passes `history: false`.
 */
export async function upsertAdoption(
  db: DataSource,
  spec: {
    councilId: string;
    serviceId: string;
    productId?: string | null;
    sharedServiceId?: string | null;
    stage?: AdoptionStage;
    history?: boolean;
  },
): Promise<string> {
  const routeType = spec.productId ? 'product' : spec.sharedServiceId ? 'shared_service' : null;
  const [row] = await db.query(
    `WITH before AS (SELECT stage FROM adoptions WHERE council_id = $1 AND service_id = $2),
          up AS (
            INSERT INTO adoptions (council_id, service_id, route_type, product_id, shared_service_id, stage)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (council_id, service_id) DO UPDATE
              SET route_type = EXCLUDED.route_type, product_id = EXCLUDED.product_id,
                  shared_service_id = EXCLUDED.shared_service_id, stage = EXCLUDED.stage,
                  stage_entered_at = now(), version = adoptions.version + 1
            RETURNING id, stage),
          history AS (
            INSERT INTO adoption_history (adoption_id, event, from_stage, to_stage, note, actor_label)
            SELECT up.id, 'transitioned', before.stage, up.stage, 'test fixture', 'system'
              FROM up LEFT JOIN before ON true
             WHERE $7::boolean AND COALESCE(before.stage, 'not_started') <> up.stage)
     SELECT id FROM up`,
    [
      spec.councilId,
      spec.serviceId,
      routeType,
      spec.productId ?? null,
      spec.sharedServiceId ?? null,
      spec.stage ?? 'not_started',
      spec.history ?? true,
    ],
  );
  return row.id as string;
}
