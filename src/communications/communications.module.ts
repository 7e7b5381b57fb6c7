import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { AckLinkSigner } from './ack-link-signer.js';
import { AcknowledgementsController } from './acknowledgements.controller.js';
import { AcknowledgementsRepository } from './acknowledgements.repository.js';
import { AcknowledgementsService } from './acknowledgements.service.js';
import { AudienceResolver } from './audience-resolver.service.js';
import { CommunicationsController } from './communications.controller.js';
import { CommunicationsSeeder } from './communications.seeder.js';
import { CommunicationsRepository } from './communications.repository.js';
import { CommunicationsService } from './communications.service.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveryLedger } from './delivery-ledger.service.js';
import { DeliveryLedgerRepository } from './delivery-ledger.repository.js';
import { DeliveryRepository } from './delivery.repository.js';
import { DeliveryEnqueuer } from './delivery-enqueuer.service.js';
import { DeliveryProcessor } from './delivery-processor.service.js';
import { CertificatesDueSource } from './digest/certificates-due-source.js';
import { ChangesRequestedSource } from './digest/changes-requested-source.js';
import { DigestRepository } from './digest/digest.repository.js';
import { OverdueRisksSource } from './digest/overdue-risks-source.js';
import { BenefitStatusSource } from './digest/benefit-status-source.js';
import { UnacknowledgedSource } from './digest/unacknowledged-source.js';
import { EmailSender } from './email-sender.service.js';
import { EmailDeliveryHandler } from './handlers/email-delivery.handler.js';
import { FanOutHandler } from './handlers/fan-out.handler.js';
import { ReconcileDeliveriesHandler } from './handlers/reconcile-deliveries.handler.js';
import { SupplierDigestHandler } from './handlers/supplier-digest.handler.js';
import { WebhookDeliveryHandler } from './handlers/webhook-delivery.handler.js';
import { MessageRenderer } from './message-renderer.service.js';
import { CommunicationTriggers } from './triggers/communication-triggers.subscriber.js';
import { AgendaPapersHandler } from './triggers/agenda-papers.handler.js';
import { OverdueMeetingActionsSource } from './digest/overdue-meeting-actions-source.js';
import { OverdueCheckInsSource } from './digest/overdue-check-ins-source.js';
import { CheckInRemindersHandler } from './triggers/check-in-reminders.handler.js';
import { CouncilKnockOnNotices } from './triggers/council-knock-on.subscriber.js';
import { ReadinessNotices } from './triggers/readiness-notices.subscriber.js';
import { ToolkitReleaseNotices } from './triggers/toolkit-release-notices.subscriber.js';
import { TriggeredCommunications } from './triggers/triggered-communications.service.js';
import { TriggersRepository } from './triggers/triggers.repository.js';
import { SupplierInboxRepository } from './supplier-inbox.repository.js';
import { SupplierInboxService } from './supplier-inbox.service.js';
import { WebhookSender } from './webhook-sender.service.js';

/**
 * L4: targeted supplier communications: drafts and previews, the fan-out to deliveries
 * (the outbox), email and signed webhook delivery with retries, acknowledgements,
 * the delivery reconciler, the weekly digest and the communications domain events trigger.
 */
@Module({
  imports: [OrganisationsModule],
  controllers: [CommunicationsController, AcknowledgementsController],
  providers: [
    AckLinkSigner,
    AudienceResolver,
    MessageRenderer,
    CommunicationsService,
    DeliveriesService,
    AcknowledgementsService,
    DeliveryEnqueuer,
    DeliveryLedger,
    DeliveryLedgerRepository,
    DeliveryRepository,
    DeliveryProcessor,
    EmailSender,
    WebhookSender,
    ChangesRequestedSource,
    CertificatesDueSource,
    OverdueRisksSource,
    BenefitStatusSource,
    OverdueMeetingActionsSource,
    OverdueCheckInsSource,
    UnacknowledgedSource,
    FanOutHandler,
    EmailDeliveryHandler,
    WebhookDeliveryHandler,
    ReconcileDeliveriesHandler,
    SupplierDigestHandler,
    TriggeredCommunications,
    CommunicationTriggers,
    CouncilKnockOnNotices,
    AgendaPapersHandler,
    CheckInRemindersHandler,
    ReadinessNotices,
    ToolkitReleaseNotices,
    CommunicationsSeeder,
    SupplierInboxService,
    CommunicationsRepository,
    AcknowledgementsRepository,
    SupplierInboxRepository,
    DigestRepository,
    TriggersRepository,
  ],
  exports: [
    CommunicationsSeeder,
    CommunicationsService,
    DeliveriesService,
    WebhookSender,
    AcknowledgementsService,
    SupplierInboxService,
  ],
})
export class CommunicationsModule {}
