import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, isTenantScoped } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { JobName } from '../queue/job-registry.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { AudienceFilter } from './audience-filter.js';
import type { Communication } from './communication.entity.js';
import { COMMUNICATION_TRANSITIONS, type CommunicationStatus } from './communication-status.js';
import {
  type CommunicationView,
  type Progress,
  toCommunicationView,
} from './communication-views.js';
import { CommunicationsRepository } from './communications.repository.js';
import type {
  CancelCommunicationDto,
  CreateCommunicationDto,
  SendCommunicationDto,
  UpdateCommunicationDto,
} from './dto/communication.dto.js';
import type { CommunicationQueryDto } from './dto/communication-query.dto.js';
import {
  MessageRenderer,
  type Recipient,
  type RenderedMessage,
} from './message-renderer.service.js';
import { TemplateRenderer } from './template-renderer.js';
import { assertTransition } from '../common/lifecycle/assert-transition.js';

export interface Preview {
  /** Contacts reached (each gets one email when email is a channel). */
  recipients: number;
  suppliers: number;
  /** Emails: one per contact. Webhooks: one per organisation endpoint, however many contacts. */
  deliveries: { email: number; webhook: number };
  /** The organisations whose endpoint gets the webhook (when webhook is a channel). */
  webhookEndpoints: { supplierId: string; supplierName: string }[];
  sample: (RenderedMessage & { supplierName: string; contactName: string; email: string }) | null;
}

/** Communications: drafts, previews, sending (via the fan-out job), cancelling, progress. */
@Injectable()
export class CommunicationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly communications: CommunicationsRepository,
    private readonly renderer: MessageRenderer,
  ) {}

  async create(actor: Actor, dto: CreateCommunicationDto): Promise<CommunicationView> {
    TemplateRenderer.assertValid({
      subjectTemplate: dto.subjectTemplate,
      bodyTemplate: dto.bodyTemplate,
    });
    await this.assertAudienceKnown(dto.audience);
    return this.uow.run(async (tx) => {
      const saved = await this.communications.add(tx.manager, {
        kind: 'manual',
        subjectTemplate: dto.subjectTemplate,
        bodyTemplate: dto.bodyTemplate,
        topic: dto.topic,
        mandatory: dto.mandatory ?? false,
        audience: { ...dto.audience },
        channels: dto.channels,
        acknowledgeBy: dto.acknowledgeBy ? new Date(dto.acknowledgeBy) : null,
        createdBy: actor.label,
      });
      const view = toCommunicationView(saved);
      await this.audit.record(tx.manager, actor, {
        action: 'communication.created',
        entityType: 'communication',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async list(actor: Actor, q: CommunicationQueryDto): Promise<Page<CommunicationView>> {
    const [rows, total] = await this.communications.page(
      q,
      isTenantScoped(actor) ? actor.organisationId : undefined,
    );
    return toPage(rows.map(toCommunicationView), total, q);
  }

  /** Staff: the communication and its progress. A supplier: only one addressed to it. */
  async get(actor: Actor, id: string): Promise<CommunicationView & { progress: Progress }> {
    const c = await this.find(actor, id);
    const scoped = isTenantScoped(actor);
    const progress = await this.communications.progress(
      id,
      scoped ? actor.organisationId : undefined,
    );
    return { ...toCommunicationView(c), ...(scoped && { audience: {} }), progress };
  }

  async update(actor: Actor, id: string, dto: UpdateCommunicationDto): Promise<CommunicationView> {
    TemplateRenderer.assertValid({
      subjectTemplate: dto.subjectTemplate,
      bodyTemplate: dto.bodyTemplate,
    });
    if (dto.audience) await this.assertAudienceKnown(dto.audience);
    return this.uow.run(async (tx) => {
      const c = await this.lock(tx.manager, id);
      if (c.version !== dto.version)
        throw ProblemException.staleVersion('Communication', c.version);
      if (c.status !== 'draft') {
        throw ProblemException.conflict(
          'not_a_draft',
          `Only a draft can be changed; this communication is ${c.status}`,
          { currentStatus: c.status },
        );
      }
      const before = toCommunicationView(c);
      const { version: _v, acknowledgeBy, audience, ...rest } = dto;
      Object.assign(c, rest);
      if (audience) c.audience = { ...audience };
      if (acknowledgeBy !== undefined) c.acknowledgeBy = new Date(acknowledgeBy);
      const after = toCommunicationView(await this.communications.persist(tx.manager, c));
      await this.audit.record(tx.manager, actor, {
        action: 'communication.updated',
        entityType: 'communication',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** Who it would reach now, and the message as the first of them would see it. */
  async preview(actor: Actor, id: string): Promise<Preview> {
    const c = await this.find(actor, id);
    const counts = await this.communications.previewCounts(c);
    const first = await this.communications.firstRecipient(c);
    const recipient: Recipient | null = first
      ? {
          supplierId: first.supplier_id,
          supplierName: first.supplier_name,
          contactId: first.contact_id,
          contactName: first.contact_name,
          email: first.email,
          ...(await this.lists(c.audience, first.supplier_id)),
        }
      : null;
    return {
      recipients: counts.recipients,
      suppliers: counts.suppliers,
      deliveries: {
        email: c.channels.includes('email') ? counts.recipients : 0,
        webhook: c.channels.includes('webhook') ? counts.webhooks : 0,
      },
      webhookEndpoints: c.channels.includes('webhook')
        ? counts.endpoints.sort((a, b) => a.supplierName.localeCompare(b.supplierName))
        : [],
      sample: recipient
        ? {
            supplierName: recipient.supplierName,
            contactName: recipient.contactName,
            email: recipient.email,
            ...this.renderer.render(c, recipient),
          }
        : null,
    };
  }

  /**
   * The suppliers the communication would reach now (the preview's audience, named), by
   * name: the portal's preview lists them.
   */
  async audienceSuppliers(actor: Actor, id: string): Promise<{ id: string; name: string }[]> {
    const c = await this.find(actor, id);
    return this.communications.audienceSuppliers(c);
  }

  /** Progress counters of several communications at once (one aggregate, for lists). */
  async progressOf(ids: string[]): Promise<Map<string, Progress>> {
    if (ids.length === 0) return new Map();
    const rows = await this.communications.progressOf(ids);
    return new Map(rows.map(({ id, ...p }) => [id, p]));
  }

  /** One supplier's template lists (products, councils) for this audience. */
  private async lists(
    audience: AudienceFilter,
    supplierId: string,
  ): Promise<Pick<Recipient, 'products' | 'councils'>> {
    const row = await this.communications.supplierLists(audience, supplierId);
    return { products: row?.products ?? [], councils: row?.councils ?? [] };
  }

  /**
   * Sends now (status sending) or at `sendAt` (status scheduled): the state change and
   * the fan-out job commit together (the job delayed until sendAt); the fan-out creates
   * the deliveries in the worker, so the request never waits for it.
   */
  async send(
    actor: Actor,
    id: string,
    dto: SendCommunicationDto,
  ): Promise<{ id: string; status: CommunicationStatus; sendAt: Date | null; progress: string }> {
    const sendAt = dto.sendAt ? new Date(dto.sendAt) : null;
    const later = sendAt !== null && sendAt.getTime() > Date.now();
    return this.uow.run(async (tx) => {
      const c = await this.lock(tx.manager, id);
      const before = toCommunicationView(c);
      this.transition(c, later ? 'scheduled' : 'sending');
      c.sendAt = later ? sendAt : new Date();
      const saved = await this.communications.persist(tx.manager, c);
      tx.emit(
        JobName.CommunicationFanOut,
        { communicationId: id },
        later ? { availableAt: sendAt } : {},
      );
      await this.audit.record(tx.manager, actor, {
        action: later ? 'communication.scheduled' : 'communication.sent',
        entityType: 'communication',
        entityId: id,
        before,
        after: toCommunicationView(saved),
      });
      return {
        id,
        status: saved.status,
        sendAt: saved.sendAt,
        progress: `/api/v1/communications/${id}`,
      };
    });
  }

  async cancel(actor: Actor, id: string, dto: CancelCommunicationDto): Promise<CommunicationView> {
    return this.uow.run(async (tx) => {
      const c = await this.lock(tx.manager, id);
      const before = toCommunicationView(c);
      this.transition(c, 'cancelled');
      c.cancelledAt = new Date();
      const after = toCommunicationView(await this.communications.persist(tx.manager, c));
      await this.audit.record(tx.manager, actor, {
        action: 'communication.cancelled',
        entityType: 'communication',
        entityId: id,
        before,
        after: dto.note ? { ...after, note: dto.note } : after,
      });
      return after;
    });
  }

  /** The communication, or 404; a supplier finds only those addressed to it. */
  async find(actor: Actor, id: string): Promise<Communication> {
    const c = await this.communications.find(
      id,
      isTenantScoped(actor) ? actor.organisationId : undefined,
    );
    if (!c) throw ProblemException.notFound('Communication', id);
    return c;
  }

  private async lock(m: EntityManager, id: string): Promise<Communication> {
    const c = await this.communications.lockForChange(m, id);
    if (!c) throw ProblemException.notFound('Communication', id);
    return c;
  }

  private transition(c: Communication, to: CommunicationStatus): void {
    assertTransition(COMMUNICATION_TRANSITIONS, c.status, to, 'a communication');
    c.status = to;
  }

  /**
   * 400 naming every unknown id or region of the audience (`audience.serviceIds[1]`):
   * suppliers, services, council groups and regions are checked in one query.
   */
  private async assertAudienceKnown(audience: AudienceFilter): Promise<void> {
    const councils = audience.recipients === 'councils';
    const misplaced = councils
      ? (['supplierIds', 'onboardingStatuses', 'productStatuses', 'certificateStatuses'] as const)
      : (['councilIds', 'adoptionStages'] as const);
    const wrong = misplaced.filter((k) => (audience[k]?.length ?? 0) > 0);
    if (wrong.length > 0) {
      throw ProblemException.invalidFields(
        wrong.map((k) => ({
          field: `audience.${k}`,
          message: councils
            ? 'does not apply to a councils audience'
            : 'applies only to a councils audience (recipients: councils)',
        })),
      );
    }
    const councilIds = audience.councilIds ?? [];
    if (councilIds.length > 0) {
      const known = await this.communications.knownCouncils(councilIds);
      const errors = councilIds.flatMap((id, i) =>
        known.has(id)
          ? []
          : [{ field: `audience.councilIds[${i}]`, message: `no such council: ${id}` }],
      );
      if (errors.length > 0) throw ProblemException.invalidFields(errors);
    }
    const lists = {
      supplierIds: audience.supplierIds ?? [],
      serviceIds: audience.serviceIds ?? [],
      councilGroupIds: audience.councilGroupIds ?? [],
      regions: audience.regions ?? [],
    };
    if (Object.values(lists).every((l) => l.length === 0)) return;
    const row = await this.communications.unknownInAudience(lists);
    const what = {
      supplierIds: 'no such supplier',
      serviceIds: 'no such service',
      councilGroupIds: 'no such council group',
      regions: 'no council is in this region',
    };
    const errors = (Object.keys(lists) as (keyof typeof lists)[]).flatMap((key) =>
      row[key].map((i) => ({
        field: `audience.${key}[${i}]`,
        message: `${what[key]}: ${lists[key][i]}`,
      })),
    );
    if (errors.length > 0) throw ProblemException.invalidFields(errors);
  }
}
