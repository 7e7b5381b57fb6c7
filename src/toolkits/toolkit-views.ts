import type {
  ReleaseRequirementSetViewDto,
  ReleaseStandardViewDto,
  ToolkitFileViewDto,
  ToolkitReleaseViewDto,
  ToolkitViewDto,
} from './dto/toolkit-views.dto.js';
import type { ReleaseStatus } from './toolkit-release.entity.js';

const iso = (d: Date | string | null): string | null =>
  d === null ? null : new Date(d).toISOString();

/** A toolkit row as TOOLKIT_COLUMNS returns it. */
export interface ToolkitRow {
  id: string;
  code: string;
  name: string;
  summary: string;
  service_id: string;
  service_code: string;
  service_name: string;
  release_count: number;
  latest_id: string | null;
  latest_version: string | null;
  latest_published_at: Date | null;
}

/** Toolkit columns over `toolkits t JOIN services s`; `$staff` sees draft releases counted. */
export const toolkitColumns = (staff: string) => `t.id, t.code, t.name, t.summary,
  s.id AS service_id, s.code AS service_code, s.name AS service_name,
  (SELECT count(*)::int FROM toolkit_releases r
    WHERE r.toolkit_id = t.id AND (${staff} OR r.status = 'published')) AS release_count,
  lr.id AS latest_id, lr.version AS latest_version, lr.published_at AS latest_published_at`;

/** The latest published release of `t`, joined as `lr`. */
export const LATEST_RELEASE = `LEFT JOIN LATERAL (
    SELECT r.id, r.version, r.published_at FROM toolkit_releases r
     WHERE r.toolkit_id = t.id AND r.status = 'published'
     ORDER BY r.published_at DESC, r.id LIMIT 1) lr ON true`;

export const toToolkitView = (r: ToolkitRow): ToolkitViewDto => ({
  id: r.id,
  code: r.code,
  name: r.name,
  summary: r.summary,
  service: { id: r.service_id, code: r.service_code, name: r.service_name },
  latestRelease:
    r.latest_id && r.latest_version && r.latest_published_at
      ? { id: r.latest_id, version: r.latest_version, publishedAt: iso(r.latest_published_at)! }
      : null,
  releaseCount: r.release_count,
});

/** A release row as RELEASE_COLUMNS returns it (standards, sets and files as JSON). */
export interface ReleaseRow {
  id: string;
  toolkit_id: string;
  version: string;
  notes: string;
  status: ReleaseStatus;
  published_at: Date | null;
  created_at: Date;
  standards: ReleaseStandardViewDto[];
  requirement_sets: ReleaseRequirementSetViewDto[];
  files: (Omit<ToolkitFileViewDto, 'createdAt'> & { createdAt: string })[];
}

/** A release of `toolkit_releases r` with what it corresponds to and its files. */
export const RELEASE_COLUMNS = `r.id, r.toolkit_id, r.version, r.notes, r.status,
  r.published_at, r.created_at,
  COALESCE((SELECT jsonb_agg(jsonb_build_object('id', st.id, 'code', st.code,
                   'version', st.version, 'name', st.name) ORDER BY st.code, st.version)
              FROM standards st WHERE st.id = ANY(r.standard_ids)), '[]'::jsonb) AS standards,
  COALESCE((SELECT jsonb_agg(jsonb_build_object('id', rs.id, 'serviceId', rs.service_id,
                   'version', rs.version, 'title', rs.title) ORDER BY rs.service_id, rs.version)
              FROM requirement_sets rs WHERE rs.id = ANY(r.requirement_set_ids)),
           '[]'::jsonb) AS requirement_sets,
  COALESCE((SELECT jsonb_agg(jsonb_build_object('id', f.id, 'name', f.name,
                   'contentType', f.content_type, 'sizeBytes', f.size_bytes,
                   'sha256', f.sha256, 'createdAt', f.created_at) ORDER BY f.name)
              FROM toolkit_files f WHERE f.release_id = r.id), '[]'::jsonb) AS files`;

export const toReleaseView = (r: ReleaseRow): ToolkitReleaseViewDto => ({
  id: r.id,
  toolkitId: r.toolkit_id,
  version: r.version,
  notes: r.notes,
  status: r.status,
  publishedAt: iso(r.published_at),
  createdAt: iso(r.created_at)!,
  standards: r.standards,
  requirementSets: r.requirement_sets,
  files: r.files.map((f) => ({ ...f, createdAt: iso(f.createdAt)! })),
});
