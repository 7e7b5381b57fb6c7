import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { SupplierInboxService } from '../../communications/supplier-inbox.service.js';
import type { SupplierContactViewDto } from '../../organisations/dto/supplier-contact-view.dto.js';
import { CreateSupplierContactDto } from '../../organisations/dto/supplier-contact.dto.js';
import { SupplierContactsService } from '../../organisations/supplier-contacts.service.js';
import { type FormError, inlineErrors, summaryList, validateForm } from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, redirect, render } from '../page-request.js';

const FORM = 'contacts.forms.contact';
const VIEW = 'supplier/contact-form.njk';
const TOPIC = /^[a-z0-9][a-z0-9_-]{0,49}$/;

interface ContactValues {
  name: string;
  email: string;
  topics: string[];
  otherTopics: string;
}

/** What a contact form posted: trimmed strings, the ticked topics as a list. */
function contactValues(body: Record<string, unknown>): ContactValues {
  const text = (f: string) => {
    const v = body[f];
    return typeof v === 'string' ? v.trim() : '';
  };
  const ticked = body.topics;
  const topics = (Array.isArray(ticked) ? ticked : ticked === undefined ? [] : [ticked]).map((v) =>
    typeof v === 'string' ? v : '',
  );
  return { name: text('name'), email: text('email'), topics, otherTopics: text('otherTopics') };
}

/** Topics typed in "Other topics": separated by commas or spaces, lower-cased. */
const splitTopics = (s: string) =>
  s
    .split(/[\s,]+/)
    .map((x) => x.toLowerCase())
    .filter((x) => x !== '');

/**
 * The supplier's contacts (the people its emails go to) and the topics each receives:
 * add, edit, deactivate and reactivate, through the same service as the API. Mandatory
 * programme notices reach every active contact whatever the topics.
 */
@PageController('supplier/contacts')
export class SupplierContactsPagesController {
  constructor(
    private readonly contacts: SupplierContactsService,
    private readonly inbox: SupplierInboxService,
  ) {}

  @Get()
  @Allow('supplier')
  async list(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { data } = await this.contacts.list(actor, actor.organisationId!);
    return render(req, reply, 'supplier/contacts.njk', { contacts: data });
  }

  @Get('new')
  @Allow('supplier')
  async newForm(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const values: ContactValues = { name: '', email: '', topics: [], otherTopics: '' };
    return render(req, reply, VIEW, { contact: null, values, ...(await this.topicItems([])) });
  }

  @Post()
  @Allow('supplier')
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const values = contactValues(body ?? {});
    const { dto, errors } = await this.validate(values, t);
    if (errors.length > 0) return this.formAgain(req, reply, null, values, errors);
    const created = await this.contacts.create(actor, actor.organisationId!, dto);
    return redirect(req, reply, '/supplier/contacts', {
      key: 'contacts.flash.added',
      params: { name: created.name },
    });
  }

  @Get(':id/edit')
  @Allow('supplier')
  async editForm(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const contact = await this.find(actor, id);
    const values: ContactValues = {
      name: contact.name,
      email: contact.email,
      topics: contact.topics,
      otherTopics: '',
    };
    return render(req, reply, VIEW, { contact, values, ...(await this.topicItems(values.topics)) });
  }

  @Post(':id')
  @Allow('supplier')
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const contact = await this.find(actor, id);
    const values = contactValues(body ?? {});
    const { dto, errors } = await this.validate(values, t);
    if (errors.length > 0) return this.formAgain(req, reply, contact, values, errors);
    const { name, email, topics } = dto;
    await this.contacts.update(actor, actor.organisationId!, id, { name, email, topics });
    return redirect(req, reply, '/supplier/contacts', {
      key: 'contacts.flash.saved',
      params: { name },
    });
  }

  @Post(':id/deactivate')
  @Allow('supplier')
  async deactivate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.setActive(actor, id, false, req, reply);
  }

  @Post(':id/reactivate')
  @Allow('supplier')
  async reactivate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.setActive(actor, id, true, req, reply);
  }

  private async setActive(
    actor: Actor,
    id: string,
    active: boolean,
    req: FastifyRequest,
    reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const contact = await this.find(actor, id);
    if (contact.active === active) {
      const { data } = await this.contacts.list(actor, actor.organisationId!);
      const text = t(active ? 'contacts.list.alreadyActive' : 'contacts.list.alreadyInactive', {
        name: contact.name,
      });
      return render(
        req,
        reply,
        'supplier/contacts.njk',
        { contacts: data, errorList: [{ text, href: `#contact-${id}` }] },
        409,
      );
    }
    await this.contacts.update(actor, actor.organisationId!, id, { active });
    return redirect(req, reply, '/supplier/contacts', {
      key: active ? 'contacts.flash.reactivated' : 'contacts.flash.deactivated',
      params: { name: contact.name },
    });
  }

  /** The contact, or a 404 page (another supplier's contacts are never found). */
  private async find(actor: Actor, id: string): Promise<SupplierContactViewDto> {
    const { data } = await this.contacts.list(actor, actor.organisationId!);
    const contact = data.find((c) => c.id === id);
    if (!contact) throw ProblemException.notFound('Contact', id);
    return contact;
  }

  /** The API's own DTO rules, plus each "other" topic a lower-case slug. */
  private async validate(values: ContactValues, t: TFunction) {
    const other = splitTopics(values.otherTopics);
    const topics = [...new Set([...values.topics, ...other])].sort();
    const { dto, errors } = await validateForm(
      CreateSupplierContactDto,
      { name: values.name, email: values.email, topics },
      FORM,
      t,
    );
    const fieldErrors: FormError[] = errors.map((e) =>
      e.field === 'topics' && values.topics.every((x) => TOPIC.test(x))
        ? { field: 'otherTopics', text: t(`${FORM}.otherTopics.invalid`) }
        : e,
    );
    if (other.some((x) => !TOPIC.test(x)) && !fieldErrors.some((e) => e.field === 'otherTopics')) {
      fieldErrors.push({ field: 'otherTopics', text: t(`${FORM}.otherTopics.invalid`) });
    }
    return { dto, errors: fieldErrors };
  }

  private async formAgain(
    req: FastifyRequest,
    reply: FastifyReply,
    contact: SupplierContactViewDto | null,
    values: ContactValues,
    errors: FormError[],
  ) {
    const ticked = values.topics.filter((x) => TOPIC.test(x));
    return render(
      req,
      reply,
      VIEW,
      {
        contact,
        values,
        ...(await this.topicItems(ticked)),
        errorList: summaryList(errors),
        errors: inlineErrors(errors),
      },
      400,
    );
  }

  /** Checkboxes: the programme's known topics and any the contact already has, ticked ones checked. */
  private async topicItems(ticked: string[]) {
    const known = await this.inbox.knownTopics();
    const all = [...new Set([...known, ...ticked])].sort();
    return { topicItems: all.map((x) => ({ value: x, text: x, checked: ticked.includes(x) })) };
  }
}
