import type { CertificateEvent } from '../queue/domain-event-registry.js';

/** Columns every certificate event needs, over `certificates c` joined to `products p`. */
export const CERTIFICATE_EVENT_COLUMNS = `c.id, c.product_id, p.name AS product_name, c.supplier_id,
  c.service_id, c.requirement_set_id, c.expires_at,
  (SELECT coalesce(array_agg(a.council_id ORDER BY a.council_id), '{}') FROM adoptions a
    WHERE a.product_id = c.product_id AND a.service_id = c.service_id) AS council_ids`;

export interface CertificateEventRow {
  id: string;
  product_id: string;
  product_name: string;
  supplier_id: string;
  service_id: string;
  requirement_set_id: string;
  expires_at: Date;
  council_ids: string[];
}

export const certificateEvent = (r: CertificateEventRow): CertificateEvent => ({
  certificateId: r.id,
  productId: r.product_id,
  productName: r.product_name,
  supplierId: r.supplier_id,
  serviceId: r.service_id,
  requirementSetId: r.requirement_set_id,
  expiresAt: new Date(r.expires_at).toISOString(),
});
