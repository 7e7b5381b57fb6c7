import { Module } from '@nestjs/common';
import { AdoptionModule } from '../adoption/adoption.module.js';
import { CatalogueModule } from '../catalogue/catalogue.module.js';
import { CommunicationsModule } from '../communications/communications.module.js';
import { ConformanceModule } from '../conformance/conformance.module.js';
import { DashboardsModule } from '../dashboards/dashboards.module.js';
import { BenefitsModule } from '../benefits/benefits.module.js';
import { CheckInsModule } from '../check-ins/check-ins.module.js';
import { ProgrammeCheckInsController } from './check-ins/programme-check-ins.controller.js';
import {
  CouncilCheckInsController,
  SupplierCheckInsController,
} from './check-ins/partner-check-ins.controller.js';
import { BenefitPagesController } from './benefits/benefit-pages.controller.js';
import { ProductsModule } from '../products/products.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { PublicModule } from '../public/public.module.js';
import { ToolkitsModule } from '../toolkits/toolkits.module.js';
import { ProgrammeToolkitsController } from './toolkits/programme-toolkits.controller.js';
import { SupplierToolkitsController } from './toolkits/supplier-toolkits.controller.js';
import { OpenDataController } from './public-pages/open-data.controller.js';
import { PublicPagesController } from './public-pages/public-pages.controller.js';
import { PublicRateLimitGuard } from './public-pages/public-rate-limit.guard.js';
import { CouncilAdoptionController } from './council-adoption.controller.js';
import { CouncilHomeController } from './council-home.controller.js';
import { CouncilProductsController } from './council-products.controller.js';
import { CouncilVariancesController } from './council-variances.controller.js';
import { LanguageController } from './language.controller.js';
import { PageErrorFilter } from './page-error.filter.js';
import { ProgrammeCouncilsController } from './programme/programme-councils.controller.js';
import { ProgrammeAdoptionController } from './programme/programme-adoption.controller.js';
import { ProgrammeAuditController } from './programme/programme-audit.controller.js';
import { ProgrammeCommunicationsController } from './programme/programme-communications.controller.js';
import { ProgrammeSuppliersController } from './programme/programme-suppliers.controller.js';
import { ProgrammeReviewsController } from './programme/programme-reviews.controller.js';
import { ProgrammeRisksController } from './programme/programme-risks.controller.js';
import { RiskPageReader } from './programme/risk-page-reader.js';
import { ProgrammeComparisonController } from './programme/programme-comparison.controller.js';
import { RisksModule } from '../risks/risks.module.js';
import { DecisionsModule } from '../decisions/decisions.module.js';
import { RolloutDashboardController } from './programme/rollout-dashboard.controller.js';
import { SignInController } from './sign-in.controller.js';
import { VerifyCertificateController } from './verify-certificate.controller.js';
import { SupplierApiTokensController } from './supplier/supplier-api-tokens.controller.js';
import { SupplierWebhooksController } from './supplier/supplier-webhooks.controller.js';
import { SupplierCommunicationsController } from './supplier/supplier-communications.controller.js';
import { SupplierContactsPagesController } from './supplier/supplier-contacts.controller.js';
import { SupplierCertificatesController } from './supplier/supplier-certificates.controller.js';
import { SupplierHomeController } from './supplier/supplier-home.controller.js';
import { SupplierProductsController } from './supplier/supplier-products.controller.js';
import { SubmissionPageLoader } from './supplier/submission-page-loader.js';
import { SupplierSubmissionAnswersController } from './supplier/supplier-submission-answers.controller.js';
import { SupplierSubmissionSamplesController } from './supplier/supplier-submission-samples.controller.js';
import { SupplierSubmissionsController } from './supplier/supplier-submissions.controller.js';
import { GovernanceModule } from '../governance/governance.module.js';
import { RequirementsModule } from '../requirements/requirements.module.js';
import { StandardsModule } from '../standards/standards.module.js';
import { CataloguePagesController } from './catalogue/catalogue-pages.controller.js';
import { RequirementPagesController } from './catalogue/requirement-pages.controller.js';
import { RequirementSetPageLoader } from './catalogue/requirement-set-page-loader.js';
import { RequirementSetPagesController } from './catalogue/requirement-set-pages.controller.js';
import { StandardPagesController } from './catalogue/standard-pages.controller.js';
import { InteropModule } from '../interop/interop.module.js';
import { ReadinessModule } from '../readiness/readiness.module.js';
import { GovernancePageLoader } from './governance/governance-page-loader.js';
import {
  CouncilGovernanceController,
  SupplierGovernanceController,
} from './governance/partner-governance.controller.js';
import { ProgrammeDecisionsController } from './governance/programme-decisions.controller.js';
import { ProgrammeGovernanceController } from './governance/programme-governance.controller.js';
import { ProgrammeInteropController } from './readiness/interop-pages.controller.js';
import {
  CouncilReadinessController,
  ProgrammeReadinessController,
} from './readiness/readiness-pages.controller.js';

/**
 * L5: the portal's pages. Controllers call the domain services with the session user's
 * Actor; no rule of access or business is written here a second time.
 */
@Module({
  imports: [
    AdoptionModule,
    CatalogueModule,
    CommunicationsModule,
    ConformanceModule,
    DashboardsModule,
    BenefitsModule,
    CheckInsModule,
    ProductsModule,
    OrganisationsModule,
    PublicModule,
    ToolkitsModule,
    RisksModule,
    DecisionsModule,
    GovernanceModule,
    ReadinessModule,
    InteropModule,
    RequirementsModule,
    StandardsModule,
  ],
  controllers: [
    SignInController,
    LanguageController,
    CouncilHomeController,
    CouncilAdoptionController,
    CouncilVariancesController,
    CouncilProductsController,
    BenefitPagesController,
    SupplierHomeController,
    SupplierProductsController,
    SupplierCertificatesController,
    SupplierSubmissionsController,
    SupplierSubmissionAnswersController,
    SupplierSubmissionSamplesController,
    SupplierApiTokensController,
    SupplierWebhooksController,
    SupplierCommunicationsController,
    SupplierContactsPagesController,
    RolloutDashboardController,
    ProgrammeCouncilsController,
    ProgrammeAdoptionController,
    VerifyCertificateController,
    PublicPagesController,
    OpenDataController,
    ProgrammeReviewsController,
    ProgrammeAuditController,
    ProgrammeCommunicationsController,
    ProgrammeSuppliersController,
    ProgrammeCheckInsController,
    SupplierCheckInsController,
    CouncilCheckInsController,
    SupplierToolkitsController,
    ProgrammeToolkitsController,
    ProgrammeRisksController,
    ProgrammeComparisonController,
    ProgrammeGovernanceController,
    ProgrammeDecisionsController,
    SupplierGovernanceController,
    CouncilGovernanceController,
    ProgrammeReadinessController,
    CouncilReadinessController,
    ProgrammeInteropController,
    CataloguePagesController,
    RequirementSetPagesController,
    RequirementPagesController,
    StandardPagesController,
  ],
  providers: [
    PageErrorFilter,
    SubmissionPageLoader,
    PublicRateLimitGuard,
    RiskPageReader,
    GovernancePageLoader,
    RequirementSetPageLoader,
  ],
})
export class WebModule {}
