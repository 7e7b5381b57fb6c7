import { Module } from '@nestjs/common';
import { StandardsModule } from '../standards/standards.module.js';
import { CertificateExpiryHandler } from './certificate-expiry.handler.js';
import { CertificateIssuer } from './certificate-issuer.service.js';
import { CertificatesController } from './certificates.controller.js';
import { CertificatesRepository } from './certificates.repository.js';
import { CertificatesService } from './certificates.service.js';
import { ConformanceSubmissionsController } from './conformance-submissions.controller.js';
import { ConformanceSeeder } from './conformance.seeder.js';
import { ProductComparisonController } from './product-comparison.controller.js';
import { ProductComparisonRepository } from './product-comparison.repository.js';
import { ProductComparisonService } from './product-comparison.service.js';
import { ReviewQueueRepository } from './review-queue.repository.js';
import { ReviewQueueService } from './review-queue.service.js';
import { ReassessmentSubscriber } from './reassessment.subscriber.js';
import { SampleChecker } from './sample-checker.service.js';
import { CertificateVerificationService } from './certificate-verification.service.js';
import { SubmissionItemsRepository } from './submission-items.repository.js';
import { SubmissionReviewService } from './submission-review.service.js';
import { SubmissionSamplesRepository } from './submission-samples.repository.js';
import { SubmissionSamplesService } from './submission-samples.service.js';
import { SubmissionStore } from './submission-store.service.js';
import { SubmissionsRepository } from './submissions.repository.js';
import { SubmissionsService } from './submissions.service.js';
import { UsabilityEvaluationsController } from './usability-evaluations.controller.js';
import { UsabilityEvaluationsRepository } from './usability-evaluations.repository.js';
import { UsabilityEvaluationsService } from './usability-evaluations.service.js';

/**
 * L3: conformance assurance — submissions with evidence and samples, the review workflow,
 * certificates and re-assessment, usability evaluations, the product comparison.
 */
@Module({
  imports: [StandardsModule],
  controllers: [
    ConformanceSubmissionsController,
    CertificatesController,
    UsabilityEvaluationsController,
    ProductComparisonController,
  ],
  providers: [
    SubmissionsRepository,
    SubmissionItemsRepository,
    SubmissionSamplesRepository,
    CertificatesRepository,
    UsabilityEvaluationsRepository,
    ReviewQueueRepository,
    ProductComparisonRepository,
    SubmissionStore,
    SubmissionsService,
    SubmissionSamplesService,
    SampleChecker,
    CertificateIssuer,
    SubmissionReviewService,
    CertificatesService,
    CertificateVerificationService,
    CertificateExpiryHandler,
    ReassessmentSubscriber,
    UsabilityEvaluationsService,
    ProductComparisonService,
    ConformanceSeeder,
    ReviewQueueService,
  ],
  exports: [
    ConformanceSeeder,
    ProductComparisonService,
    UsabilityEvaluationsService,
    CertificatesService,
    SubmissionsService,
    SubmissionSamplesService,
    SubmissionReviewService,
    CertificateVerificationService,
    ReviewQueueService,
  ],
})
export class ConformanceModule {}
