import type { EntityManager } from 'typeorm';
import { GOVERNING_STANDARD_STATUSES } from './submission-lifecycle.js';

export interface GoverningStandard {
  id: string;
  code: string;
  version: string;
  hasSchema: boolean;
}

/** The active (or deprecated, still in force) standards governing a service. */
export async function governingStandards(
  m: EntityManager,
  serviceId: string,
): Promise<GoverningStandard[]> {
  return m.query(
    `SELECT s.id, s.code, s.version, s.json_schema IS NOT NULL AS "hasSchema"
       FROM standards s JOIN standard_services ss ON ss.standard_id = s.id
      WHERE ss.service_id = $1 AND s.status = ANY($2)
      ORDER BY s.code, s.version`,
    [serviceId, GOVERNING_STANDARD_STATUSES],
  );
}
