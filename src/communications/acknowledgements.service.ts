import { Injectable } from '@nestjs/common';
import { type Actor, isTenantScoped, SYSTEM_ACTOR } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, type PageQueryDto, toPage } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { AckLinkSigner } from './ack-link-signer.js';
import {
  type AcknowledgementView,
  AcknowledgementsRepository,
  type OverdueAcknowledgement,
  type RecipientAckState,
} from './acknowledgements.repository.js';
import { CommunicationsService } from './communications.service.js';
import type { AcknowledgeLinkQueryDto } from './dto/acknowledge-link-query.dto.js';

export type {
  AcknowledgementView,
  OverdueAcknowledgement,
  RecipientAckState,
} from './acknowledgements.repository.js';

/** Suppliers acknowledging communications (API or signed link), and who has not yet. */
@Injectable()
export class AcknowledgementsService {
  constructor(
    private readonly acks: AcknowledgementsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly communications: CommunicationsService,
    private readonly links: AckLinkSigner,
  ) {}

  /** The caller's organisation acknowledges; 409 when it already has. */
  async acknowledge(actor: Actor, id: string): Promise<AcknowledgementView> {
    await this.communications.find(actor, id);
    return this.uow.run(async (tx) => {
      const ack = await this.acks.add(tx.manager, id, actor.organisationId!, 'api', actor);
      if (!ack) {
        const existing = (await this.acks.find(id, actor.organisationId!, tx.manager))!;
        throw ProblemException.conflict(
          'already_acknowledged',
          `Your organisation acknowledged this communication on ${new Date(existing.acknowledgedAt).toISOString()}`,
          { acknowledgedAt: existing.acknowledgedAt, via: existing.via },
        );
      }
      await this.audit.record(tx.manager, actor, {
        action: 'communication.acknowledged',
        entityType: 'communication',
        entityId: id,
        after: ack,
      });
      return ack;
    });
  }

  /**
   * The signed link from an email, opened: who it acknowledges for and whether that is
   * already done. Changes nothing, so mail scanners that open links do not acknowledge.
   * 404 for a bad signature or a contact the communication was not sent to.
   */
  async describeLink(
    id: string,
    q: AcknowledgeLinkQueryDto,
  ): Promise<{ supplierName: string; ack: AcknowledgementView | null }> {
    const recipient = await this.linkRecipient(id, q);
    const ack = await this.acks.find(id, q.supplier);
    return { supplierName: recipient.supplierName, ack };
  }

  /**
   * The signed link's confirmation, posted: acknowledges for the supplier, idempotent (a
   * second post changes nothing). 404 as for `describeLink`.
   */
  async acknowledgeByLink(
    id: string,
    q: AcknowledgeLinkQueryDto,
    ctx: { ip: string; requestId: string },
  ): Promise<{ ack: AcknowledgementView; first: boolean }> {
    const recipient = await this.linkRecipient(id, q);
    const actor: Actor = {
      ...SYSTEM_ACTOR,
      ...ctx,
      label: `ack-link:${recipient.email}`,
      role: 'supplier',
      organisationId: q.supplier,
      organisationType: 'SUPPLIER',
    };
    return this.uow.run(async (tx) => {
      const ack = await this.acks.add(tx.manager, id, q.supplier, 'link', actor);
      if (ack) {
        await this.audit.record(tx.manager, actor, {
          action: 'communication.acknowledged',
          entityType: 'communication',
          entityId: id,
          after: ack,
        });
        return { ack, first: true };
      }
      return { ack: (await this.acks.find(id, q.supplier, tx.manager))!, first: false };
    });
  }

  /** The contact a signed link was sent to, or 404 (bad signature, never sent to them). */
  private async linkRecipient(
    id: string,
    q: AcknowledgeLinkQueryDto,
  ): Promise<{ email: string; supplierName: string }> {
    const recipient = await this.acks.recipient(id, q.supplier, q.contact);
    if (!recipient || !this.links.verify(id, q.supplier, q.contact, q.sig)) {
      throw ProblemException.notFound('Acknowledgement link');
    }
    return recipient;
  }

  /** Every supplier the communication reached, acknowledged or not (programme staff). */
  async list(actor: Actor, id: string, q: PageQueryDto): Promise<Page<RecipientAckState>> {
    await this.communications.find(actor, id);
    const [rows, total] = await this.acks.recipients(id, q.limit, q.offset);
    return toPage(rows, total, q);
  }

  /** Acknowledgements past their date, oldest first; a supplier sees its own. */
  async overdue(actor: Actor, q: PageQueryDto): Promise<Page<OverdueAcknowledgement>> {
    const [rows, total] = await this.acks.overdue(
      isTenantScoped(actor) ? actor.organisationId : undefined,
      q.limit,
      q.offset,
    );
    return toPage(rows, total, q);
  }
}
