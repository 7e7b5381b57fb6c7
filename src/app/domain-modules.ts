import { AdoptionModule } from '../adoption/adoption.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CatalogueModule } from '../catalogue/catalogue.module.js';
import { ConformanceModule } from '../conformance/conformance.module.js';
import { DashboardsModule } from '../dashboards/dashboards.module.js';
import { CommunicationsModule } from '../communications/communications.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { RequirementsModule } from '../requirements/requirements.module.js';
import { ProductsModule } from '../products/products.module.js';
import { StandardsModule } from '../standards/standards.module.js';
import { RisksModule } from '../risks/risks.module.js';
import { BenefitsModule } from '../benefits/benefits.module.js';
import { DecisionsModule } from '../decisions/decisions.module.js';
import { GovernanceModule } from '../governance/governance.module.js';
import { CheckInsModule } from '../check-ins/check-ins.module.js';
import { ReadinessModule } from '../readiness/readiness.module.js';
import { InteropModule } from '../interop/interop.module.js';
import { ToolkitsModule } from '../toolkits/toolkits.module.js';

/**
 * The domain modules, shared by the api (controllers) and the worker (job handlers).
 * Ordered by layer: L1 auth/audit, L2 organisations/catalogue/…, L3 …, L4 ….
 */
export const DOMAIN_MODULES = [
  AuditModule,
  AuthModule,
  OrganisationsModule,
  CatalogueModule,
  RequirementsModule,
  StandardsModule,
  ProductsModule,
  ConformanceModule,
  RisksModule,
  BenefitsModule,
  DecisionsModule,
  GovernanceModule,
  CheckInsModule,
  AdoptionModule,
  ReadinessModule,
  InteropModule,
  ToolkitsModule,
  CommunicationsModule,
  DashboardsModule,
];
