import type { ServiceRelationship } from './service-relationship.entity.js';
import type { Service } from './service.entity.js';
import type { RelationshipViewDto } from './dto/relationship-view.dto.js';
import type { RefViewDto } from './dto/ref-view.dto.js';
import type { ServiceViewDto } from './dto/service-view.dto.js';

export const toServiceView = (s: Service): ServiceViewDto => ({
  id: s.id,
  code: s.code,
  name: s.name,
  description: s.description,
  leadAgency: { id: s.leadAgency.id, code: s.leadAgency.code!, name: s.leadAgency.name },
  deliveryModel: s.deliveryModel,
  status: s.status,
  scope: {
    nations: s.scopeNations ?? [],
    councilGroupIds: s.scopeGroupIds ?? [],
    councilIds: s.scopeCouncilIds ?? [],
  },
  version: s.version,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

const ref = (s: Service): RefViewDto => ({ id: s.id, code: s.code, name: s.name });

export const toRelationshipView = (r: ServiceRelationship): RelationshipViewDto => ({
  id: r.id,
  type: r.type,
  from: ref(r.fromService),
  to: ref(r.toService),
  standard: r.standard
    ? {
        id: r.standard.id,
        code: r.standard.code,
        name: r.standard.name,
        version: r.standard.version,
      }
    : null,
  description: r.description,
  createdAt: r.createdAt,
});

export type ServiceView = ReturnType<typeof toServiceView>;
export type RelationshipView = ReturnType<typeof toRelationshipView>;

export interface SharedServiceView {
  id: string;
  name: string;
  description: string;
  service: { id: string; code: string; name: string };
  operator: { id: string; name: string; type: string };
  memberCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
