import { Foundation1795424624722 } from '../../migrations/1795424624722-foundation.js';
import { OrganisationsAuthAudit1795425500632 } from '../../migrations/1795425500632-organisations-auth-audit.js';
import { Communications1795427968345 } from '../../migrations/1795427968345-communications.js';
import { RiskRegister1795428078779 } from '../../migrations/1795428078779-risk-register.js';
import { CatalogueRequirementsStandards1795428353289 } from '../../migrations/1795428353289-catalogue-requirements-standards.js';
import { RiskServiceLink1795430048094 } from '../../migrations/1795430048094-risk-service-link.js';
import { ProductsCertificatesAdoption1795432898884 } from '../../migrations/1795432898884-products-certificates-adoption.js';
import { AdoptionRollout1795433397176 } from '../../migrations/1795433397176-adoption-rollout.js';
import { Conformance1795433814797 } from '../../migrations/1795433814797-conformance.js';
import { CommunicationAudienceLists1795435858853 } from '../../migrations/1795435858853-communication-audience-lists.js';
import { UserPreferredLanguage1796062403149 } from '../../migrations/1796062403149-user-preferred-language.js';
import { ServiceScope1796062125556 } from '../../migrations/1796062125556-service-scope.js';
import { UserTokenVersion1796062564872 } from '../../migrations/1796062564872-user-token-version.js';
import { WebhookPerEndpoint1796062660563 } from '../../migrations/1796062660563-webhook-per-endpoint.js';
import { DeliveryLease1796062926703 } from '../../migrations/1796062926703-delivery-lease.js';
import { BenefitsRegister1796067482605 } from '../../migrations/1796067482605-benefits-register.js';
import { DecisionLog1796073150119 } from '../../migrations/1796073150119-decision-log.js';
import { ReadModelGeneration1796073283158 } from '../../migrations/1796073283158-read-model-generation.js';
import { ReadinessCalendar1796073543838 } from '../../migrations/1796073543838-readiness-calendar.js';
import { CertificateNumber1796074309010 } from '../../migrations/1796074309010-certificate-number.js';
import { GovernanceMeetings1796074909785 } from '../../migrations/1796074909785-governance-meetings.js';
import { InteropTests1796075755326 } from '../../migrations/1796075755326-interop-tests.js';
import { CommunicationReads1796080000017 } from '../../migrations/1796080000017-communication-reads.js';
import { Toolkits1796095342921 } from '../../migrations/1796095342921-toolkits.js';
import { CheckIns1796095346520 } from '../../migrations/1796095346520-check-ins.js';

/**
 * Every migration, in order, listed explicitly so the app, the CLI and the tests run the
 * same set. `entities.spec.ts` fails when a file in migrations/ is missing here.
 */
export const MIGRATIONS = [
  Foundation1795424624722,
  OrganisationsAuthAudit1795425500632,
  Communications1795427968345,
  RiskRegister1795428078779,
  CatalogueRequirementsStandards1795428353289,
  RiskServiceLink1795430048094,
  ProductsCertificatesAdoption1795432898884,
  AdoptionRollout1795433397176,
  Conformance1795433814797,
  CommunicationAudienceLists1795435858853,
  ServiceScope1796062125556,
  UserPreferredLanguage1796062403149,
  UserTokenVersion1796062564872,
  WebhookPerEndpoint1796062660563,
  DeliveryLease1796062926703,
  BenefitsRegister1796067482605,
  DecisionLog1796073150119,
  ReadModelGeneration1796073283158,
  ReadinessCalendar1796073543838,
  CertificateNumber1796074309010,
  GovernanceMeetings1796074909785,
  InteropTests1796075755326,
  CommunicationReads1796080000017,
  Toolkits1796095342921,
  CheckIns1796095346520,
];
