import { AdoptionHistory } from '../adoption/adoption-history.entity.js';
import { AdoptionStep } from '../adoption/adoption-step.entity.js';
import { Adoption } from '../adoption/adoption.entity.js';
import { LocalVariance } from '../adoption/local-variance.entity.js';
import { SuccessStep } from '../adoption/success-step.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { BenefitMeasurement } from '../benefits/benefit-measurement.entity.js';
import { BenefitStatusChange } from '../benefits/benefit-status-change.entity.js';
import { BenefitThresholdCrossing } from '../benefits/benefit-threshold-crossing.entity.js';
import { Benefit } from '../benefits/benefit.entity.js';
import { Decision } from '../decisions/decision.entity.js';
import { GovernanceGroup } from '../governance/governance-group.entity.js';
import { GovernanceMember } from '../governance/governance-member.entity.js';
import { MeetingAction } from '../governance/meeting-action.entity.js';
import { Meeting } from '../governance/meeting.entity.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { Acknowledgement } from '../communications/acknowledgement.entity.js';
import { CommunicationRead } from '../communications/communication-read.entity.js';
import { Communication } from '../communications/communication.entity.js';
import { CommunicationSupplier } from '../communications/communication-supplier.entity.js';
import { Delivery } from '../communications/delivery.entity.js';
import { User } from '../auth/user.entity.js';
import { Certificate } from '../conformance/certificate.entity.js';
import { ConformanceSubmission } from '../conformance/conformance-submission.entity.js';
import { SubmissionHistory } from '../conformance/submission-history.entity.js';
import { SubmissionItem } from '../conformance/submission-item.entity.js';
import { SubmissionSample } from '../conformance/submission-sample.entity.js';
import { UsabilityEvaluation } from '../conformance/usability-evaluation.entity.js';
import { ProductHistory } from '../products/product-history.entity.js';
import { ProductService } from '../products/product-service.entity.js';
import { Product } from '../products/product.entity.js';
import { ServiceRelationship } from '../catalogue/service-relationship.entity.js';
import { Service } from '../catalogue/service.entity.js';
import { SharedServiceMember } from '../catalogue/shared-service-member.entity.js';
import { SharedService } from '../catalogue/shared-service.entity.js';
import { CouncilGroup } from '../organisations/council-group.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { SupplierContact } from '../organisations/supplier-contact.entity.js';
import { SupplierWebhook } from '../organisations/supplier-webhook.entity.js';
import { OutboxMessage } from '../queue/outbox-message.entity.js';
import { RequirementSet } from '../requirements/requirement-set.entity.js';
import { Requirement } from '../requirements/requirement.entity.js';
import { Standard } from '../standards/standard.entity.js';
import { MitigationAction } from '../risks/mitigation-action.entity.js';
import { RiskHistory } from '../risks/risk-history.entity.js';
import { RiskReview } from '../risks/risk-review.entity.js';
import { RiskScore } from '../risks/risk-score.entity.js';
import { Risk } from '../risks/risk.entity.js';
import { CriticalDate } from '../readiness/critical-date.entity.js';
import { ReadinessNotice } from '../readiness/readiness-notice.entity.js';
import { ReadinessSnapshot } from '../readiness/readiness-snapshot.entity.js';
import { InteropTest } from '../interop/interop-test.entity.js';
import { CheckInQuestionSet } from '../check-ins/check-in-question-set.entity.js';
import { CheckInSchedule } from '../check-ins/check-in-schedule.entity.js';
import { CheckIn } from '../check-ins/check-in.entity.js';
import { CheckInAnswer } from '../check-ins/check-in-answer.entity.js';
import { Toolkit } from '../toolkits/toolkit.entity.js';
import { ToolkitRelease } from '../toolkits/toolkit-release.entity.js';
import { ToolkitFile } from '../toolkits/toolkit-file.entity.js';
import { ToolkitFileBlob } from '../toolkits/toolkit-file-blob.entity.js';
import { ToolkitDownload } from '../toolkits/toolkit-download.entity.js';

/**
 * Every TypeORM entity, listed explicitly (globs do not work under ESM + Jest).
 * `entities.spec.ts` fails when an `*.entity.ts` file is missing here.
 */
export const ENTITIES = [
  OutboxMessage,
  AuditEvent,
  Organisation,
  CouncilGroup,
  SupplierContact,
  SupplierWebhook,
  User,
  ApiToken,
  Service,
  ServiceRelationship,
  SharedService,
  SharedServiceMember,
  RequirementSet,
  Requirement,
  Standard,
  Risk,
  RiskScore,
  RiskReview,
  MitigationAction,
  RiskHistory,
  Benefit,
  BenefitMeasurement,
  BenefitThresholdCrossing,
  BenefitStatusChange,
  Decision,
  GovernanceGroup,
  GovernanceMember,
  Meeting,
  MeetingAction,
  CheckInQuestionSet,
  CheckInSchedule,
  CheckIn,
  CheckInAnswer,
  Communication,
  CommunicationSupplier,
  Delivery,
  Acknowledgement,
  CommunicationRead,
  Product,
  ProductService,
  Certificate,
  Adoption,
  ProductHistory,
  ConformanceSubmission,
  SubmissionItem,
  SubmissionSample,
  SubmissionHistory,
  UsabilityEvaluation,
  AdoptionHistory,
  LocalVariance,
  SuccessStep,
  AdoptionStep,
  CriticalDate,
  ReadinessNotice,
  ReadinessSnapshot,
  InteropTest,
  Toolkit,
  ToolkitRelease,
  ToolkitFile,
  ToolkitFileBlob,
  ToolkitDownload,
];
