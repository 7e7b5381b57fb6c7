import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { isCalendarDate } from '../../common/validation/is-iso-date.decorator.js';
import { CreateMeetingDto } from '../../governance/dto/create-meeting.dto.js';
import {
  CreateMeetingActionDto,
  MoveMeetingActionDto,
} from '../../governance/dto/meeting-action.dto.js';
import { UpdateMeetingDto } from '../../governance/dto/update-meeting.dto.js';
import { GovernanceService } from '../../governance/governance.service.js';
import {
  type FormError,
  inlineErrors,
  serviceFieldErrors,
  summaryList,
  validateForm,
} from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, redirect, render } from '../page-request.js';
import { governanceRefusal, lines, postedVersion, textField } from './governance-forms.js';
import { GovernancePageLoader } from './governance-page-loader.js';
import { PROGRAMME_READERS as PROGRAMME } from '../page-roles.js';

/**
 * A UK wall-clock date and time (what the form asks for) as an ISO instant: the hour in
 * London is GMT in winter and BST in summer. An impossible date is passed through as
 * typed, for the DTO's date check to refuse.
 */
export function londonTime(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  if (!isCalendarDate(date, false) || Number.isNaN(guess.getTime())) return date;
  const shown = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(guess);
  const [h, m] = shown.split(':').map(Number);
  const [wantH, wantM] = time.split(':').map(Number);
  let offset = h * 60 + m - (wantH * 60 + wantM);
  if (offset > 720) offset -= 1440;
  if (offset < -720) offset += 1440;
  return new Date(guess.getTime() - offset * 60_000).toISOString();
}

const BASE = { base: '/programme/governance', decisionsBase: '/programme/decisions' };
const MINUTES_FORM = 'governance.forms.minutes';
const ACTION_FORM = 'governance.forms.action';
const MEETING_FORM = 'governance.forms.meeting';

/**
 * The programme office's governance pages: the hub (groups, recent meetings, links to the
 * decision log and check-ins), a group with its members and meetings, a meeting with its
 * agenda, minutes, actions and decisions. Programme admins schedule meetings, record
 * minutes and actions and mark actions done; viewers and agencies read.
 */
@PageController('programme/governance')
export class ProgrammeGovernanceController {
  constructor(
    private readonly pages: GovernancePageLoader,
    private readonly governance: GovernanceService,
  ) {}

  @Get()
  @Allow(...PROGRAMME)
  async hub(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return render(req, reply, 'governance/hub.njk', {
      ...BASE,
      ...(await this.pages.hub(actor, false)),
      programme: true,
    });
  }

  @Get('groups/:id')
  @Allow(...PROGRAMME)
  async group(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return render(req, reply, 'governance/group.njk', {
      ...BASE,
      ...(await this.pages.group(actor, id)),
      canWrite: actor.role === 'programme_admin',
    });
  }

  @Get('groups/:id/meetings/new')
  @Allow('programme_admin')
  async newMeeting(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const { group } = await this.pages.group(actor, id);
    return render(req, reply, 'governance/meeting-form.njk', { ...BASE, group, values: {} });
  }

  @Post('groups/:id/meetings')
  @Allow('programme_admin')
  async createMeeting(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const { group } = await this.pages.group(actor, id);
    const time = textField(body, 'time') || '10:00';
    const timeOk = /^([01]\d|2[0-3]):[0-5]\d$/.test(time);
    const startsAt = londonTime(textField(body, 'date'), timeOk ? time : '10:00');
    const agendaItems = lines(body, 'agenda').map((line) => {
      const [title = '', owner = '', ...links] = line.split('|').map((x) => x.trim());
      return { title, owner, paperLinks: links.filter((l) => l !== '') };
    });
    const input = {
      groupId: id,
      title: textField(body, 'title'),
      startsAt,
      agendaItems,
      attendees: lines(body, 'attendees'),
    };
    const again = (errors: FormError[]) =>
      render(
        req,
        reply,
        'governance/meeting-form.njk',
        {
          ...BASE,
          group,
          values: body,
          errorList: summaryList(errors),
          errors: inlineErrors(errors),
        },
        400,
      );
    const { dto, errors } = await validateForm(CreateMeetingDto, input, MEETING_FORM, t);
    const all = errors.map((e) => ({
      ...e,
      field: e.field === 'startsAt' ? 'date' : e.field === 'agendaItems' ? 'agenda' : e.field,
    }));
    if (!timeOk) all.push({ field: 'time', text: t('governance.forms.meeting.time.invalid') });
    if (all.length) {
      const order = ['title', 'date', 'time', 'agenda', 'attendees'];
      return again(all.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field)));
    }
    const saved = await this.governance.createMeeting(actor, dto);
    return redirect(req, reply, `/programme/governance/meetings/${saved.id}`, {
      key: 'governance.flash.meetingScheduled',
    });
  }

  @Get('meetings/:id')
  @Allow(...PROGRAMME)
  async meeting(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return render(req, reply, 'governance/meeting.njk', await this.meetingView(actor, id));
  }

  @Post('meetings/:id/minutes')
  @Allow('programme_admin')
  async minutes(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const input = {
      minutes: textField(body, 'minutes'),
      version: postedVersion(textField(body, 'version')),
    };
    const { dto, errors } = await validateForm(UpdateMeetingDto, input, MINUTES_FORM, t);
    if (errors.length) return this.again(actor, id, req, reply, errors, 400, body);
    try {
      await this.governance.updateMeeting(actor, id, dto);
    } catch (err) {
      const why = governanceRefusal(err, t, 'governance');
      if (!why) throw err;
      return this.again(actor, id, req, reply, [{ field: 'minutes', text: why }], 409, body);
    }
    return redirect(req, reply, `/programme/governance/meetings/${id}`, {
      key: 'governance.flash.minutes',
    });
  }

  @Post('meetings/:id/actions')
  @Allow('programme_admin')
  async addAction(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const input = {
      title: textField(body, 'title'),
      owner: textField(body, 'owner'),
      dueDate: textField(body, 'dueDate'),
    };
    const { dto, errors } = await validateForm(CreateMeetingActionDto, input, ACTION_FORM, t);
    if (errors.length) return this.again(actor, id, req, reply, errors, 400, body);
    await this.governance.addAction(actor, id, dto);
    return redirect(req, reply, `/programme/governance/meetings/${id}`, {
      key: 'governance.flash.action',
    });
  }

  @Post('meetings/:id/actions/:actionId/status')
  @Allow('programme_admin')
  async moveAction(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('actionId', ParseUUIDPipe) actionId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const input = {
      status: textField(body, 'status'),
      version: postedVersion(textField(body, 'version')),
    };
    const { dto, errors } = await validateForm(MoveMeetingActionDto, input, ACTION_FORM, t);
    if (errors.length) {
      return this.again(
        actor,
        id,
        req,
        reply,
        [{ field: 'actions', text: t('governance.badActionForm') }],
        400,
      );
    }
    try {
      await this.governance.moveAction(actor, id, actionId, dto);
    } catch (err) {
      const fields = serviceFieldErrors(err, ACTION_FORM, t);
      if (fields) return this.again(actor, id, req, reply, fields, 400);
      const why = governanceRefusal(err, t, 'governance');
      if (!why) throw err;
      return this.again(actor, id, req, reply, [{ field: 'actions', text: why }], 409);
    }
    return redirect(req, reply, `/programme/governance/meetings/${id}`, {
      key: `governance.flash.action_${dto.status}`,
    });
  }

  private async meetingView(actor: Actor, id: string, posted?: Record<string, unknown>) {
    return {
      ...BASE,
      ...(await this.pages.meeting(actor, id)),
      canWrite: actor.role === 'programme_admin',
      values: posted ?? {},
    };
  }

  /** The meeting page again with the errors and what was typed. */
  private async again(
    actor: Actor,
    id: string,
    req: FastifyRequest,
    reply: FastifyReply,
    errors: FormError[],
    status: number,
    posted?: Record<string, unknown>,
  ) {
    return render(
      req,
      reply,
      'governance/meeting.njk',
      {
        ...(await this.meetingView(actor, id, posted)),
        errorList: summaryList(errors),
        errors: inlineErrors(errors),
      },
      status,
    );
  }
}
