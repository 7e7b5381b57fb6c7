export const SERVICE_STATUSES = ['planned', 'piloting', 'live', 'retired'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** Service lifecycle: the only moves allowed. */
export const SERVICE_TRANSITIONS: Record<ServiceStatus, ServiceStatus[]> = {
  planned: ['piloting', 'retired'],
  piloting: ['live', 'retired'],
  live: ['retired'],
  retired: [],
};

export const DELIVERY_MODELS = ['council_delivered', 'shared'] as const;
export type DeliveryModel = (typeof DELIVERY_MODELS)[number];

export const RELATIONSHIP_TYPES = ['depends_on', 'exchanges_data_with'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Upper-case slug, e.g. ADMISSIONS, FSM-ECS, HMRC-RTI. */
export const SERVICE_CODE = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;
