import type { RequirementLevel, RequirementSetStatus } from './requirement-lifecycle.js';

export interface RequirementView {
  id: string;
  code: string;
  title: string;
  description: string;
  level: RequirementLevel;
  category: string;
  acceptanceCriteria: string;
  position: number;
}

export interface RequirementSetView {
  id: string;
  service: { id: string; code: string; name: string };
  version: number;
  status: RequirementSetStatus;
  title: string;
  summary: string;
  effectiveDate: string | null;
  publishedAt: Date | null;
  supersededAt: Date | null;
  basedOnId: string | null;
  requirementCounts: { total: number; MUST: number; SHOULD: number; MAY: number };
  createdAt: Date;
  updatedAt: Date;
}

/** A set with its counts per level, in one statement (append WHERE / ORDER BY / LIMIT). */
export const SET_VIEW_SQL = `
  SELECT rs.id, rs.version, rs.status, rs.title, rs.summary,
         rs.effective_date::text AS "effectiveDate", rs.published_at AS "publishedAt",
         rs.superseded_at AS "supersededAt", rs.based_on_id AS "basedOnId",
         rs.created_at AS "createdAt", rs.updated_at AS "updatedAt",
         json_build_object('id', s.id, 'code', s.code, 'name', s.name) AS service,
         json_build_object('total', c.total, 'MUST', c.must, 'SHOULD', c.should, 'MAY', c.may)
           AS "requirementCounts"
    FROM requirement_sets rs
    JOIN services s ON s.id = rs.service_id
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE r.level = 'MUST')::int AS must,
             count(*) FILTER (WHERE r.level = 'SHOULD')::int AS should,
             count(*) FILTER (WHERE r.level = 'MAY')::int AS may
        FROM requirements r WHERE r.requirement_set_id = rs.id) c`;

export const REQUIREMENT_COLUMNS = `id, code, title, description, level, category,
  acceptance_criteria AS "acceptanceCriteria", position`;
