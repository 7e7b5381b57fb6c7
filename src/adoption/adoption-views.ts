import { neutraliseFormula } from '../common/csv.js';
import type { AdoptionHistory } from './adoption-history.entity.js';
import type { AdoptionRow } from './adoption-queries.js';
import type { LocalVariance } from './local-variance.entity.js';
import type { SuccessStep } from './success-step.entity.js';
import type { StepViewDto } from './dto/step-view.dto.js';
import type { VarianceViewDto } from './dto/variance-view.dto.js';
import type { AdoptionHistoryViewDto } from './dto/adoption-history-view.dto.js';
import type { AdoptionViewDto } from './dto/adoption-view.dto.js';

type CouncilServiceRow = Pick<
  AdoptionRow,
  | 'council_id'
  | 'council_name'
  | 'gss_code'
  | 'nation'
  | 'region'
  | 'service_id'
  | 'service_code'
  | 'service_name'
>;

/** The council and service an adoption row is about, as every adoption view shows them. */
export const councilAndService = (r: CouncilServiceRow) => ({
  council: {
    id: r.council_id,
    name: r.council_name,
    gssCode: r.gss_code,
    nation: r.nation,
    region: r.region,
  },
  service: { id: r.service_id, code: r.service_code, name: r.service_name },
});

export const toAdoptionView = (r: AdoptionRow): AdoptionViewDto => ({
  id: r.id,
  ...councilAndService(r),
  route: r.route_type
    ? {
        type: r.route_type,
        productId: r.product_id,
        productName: r.product_name,
        productStatus: r.product_status,
        sharedServiceId: r.shared_service_id,
        sharedServiceName: r.shared_service_name,
        supplierId: r.supplier_id,
        supplierName: r.supplier_name,
        certificateStatus: r.certificate_status,
        certificateExpiresAt: r.certificate_expires_at,
      }
    : null,
  stage: r.stage,
  stageEnteredAt: r.stage_entered_at,
  targetDates: r.target_dates,
  goLiveDate: r.go_live_date,
  notes: r.notes,
  attentionRequired: r.attention_required,
  attentionReason: r.attention_reason,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
export type AdoptionView = ReturnType<typeof toAdoptionView>;

export const ADOPTION_CSV_HEADER = [
  'id',
  'council_gss_code',
  'council_name',
  'nation',
  'region',
  'service_code',
  'stage',
  'stage_entered_at',
  'route_type',
  'product_name',
  'shared_service_name',
  'supplier_name',
  'certificate_status',
  'next_target_dates',
  'go_live_date',
  'attention_required',
  'attention_reason',
];

export const toAdoptionCsvRow = (r: AdoptionRow): unknown[] => [
  r.id,
  r.gss_code,
  neutraliseFormula(r.council_name),
  r.nation,
  r.region,
  r.service_code,
  r.stage,
  r.stage_entered_at,
  r.route_type,
  neutraliseFormula(r.product_name),
  neutraliseFormula(r.shared_service_name),
  neutraliseFormula(r.supplier_name),
  r.certificate_status,
  Object.entries(r.target_dates)
    .map(([k, v]) => `${k}:${v}`)
    .join(' '),
  r.go_live_date,
  r.attention_required,
  neutraliseFormula(r.attention_reason),
];

export const toAdoptionHistoryView = (h: AdoptionHistory): AdoptionHistoryViewDto => ({
  id: h.id,
  event: h.event,
  fromStage: h.fromStage,
  toStage: h.toStage,
  changes: h.changes,
  note: h.note,
  actorUserId: h.actorUserId,
  actorLabel: h.actorLabel,
  occurredAt: h.occurredAt,
});

export const toVarianceView = (v: LocalVariance, today: string): VarianceViewDto => ({
  id: v.id,
  adoptionId: v.adoptionId,
  councilId: v.councilId,
  serviceId: v.serviceId,
  requirementCode: v.requirementCode,
  description: v.description,
  justification: v.justification,
  expiresOn: v.expiresOn,
  status: v.status,
  /** Approved and not past its expiry date. */
  inForce: v.status === 'approved' && v.expiresOn >= today,
  decisionReason: v.decisionReason,
  decidedByUserId: v.decidedByUserId,
  decidedAt: v.decidedAt,
  proposedByUserId: v.proposedByUserId,
  version: v.version,
  createdAt: v.createdAt,
  updatedAt: v.updatedAt,
});
export type VarianceView = ReturnType<typeof toVarianceView>;

export const toStepView = (s: SuccessStep): StepViewDto => ({
  id: s.id,
  serviceId: s.serviceId,
  stage: s.stage,
  title: s.title,
  description: s.description,
  mandatory: s.mandatory,
  position: s.position,
  active: s.active,
  version: s.version,
});
