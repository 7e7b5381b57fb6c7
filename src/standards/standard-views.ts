import type { Standard } from './standard.entity.js';
import type { StandardViewDto } from './dto/standard-view.dto.js';

export const toStandardView = (s: Standard): StandardViewDto => ({
  id: s.id,
  code: s.code,
  name: s.name,
  version: s.version,
  description: s.description,
  owner: { id: s.owner.id, code: s.owner.code, name: s.owner.name, type: s.owner.type },
  status: s.status,
  effectiveFrom: s.effectiveFrom,
  deprecatedFrom: s.deprecatedFrom,
  retiredFrom: s.retiredFrom,
  services: [...s.services]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((x) => ({ id: x.id, code: x.code, name: x.name })),
  hasSchema: s.jsonSchema !== null,
  revision: s.revision,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

export type StandardView = ReturnType<typeof toStandardView>;
export type StandardDetailView = StandardView & { jsonSchema: Record<string, unknown> | null };

export const toStandardDetailView = (s: Standard): StandardDetailView => ({
  ...toStandardView(s),
  jsonSchema: s.jsonSchema,
});
