import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { CreateReleaseDto } from '../../toolkits/dto/create-release.dto.js';
import { ToolkitQueryDto } from '../../toolkits/dto/toolkit-query.dto.js';
import { FILE_NAME } from '../../toolkits/toolkit-content.js';
import { ToolkitsService } from '../../toolkits/toolkits.service.js';
import { type FormError, inlineErrors, summaryList, validateForm } from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, redirect, render } from '../page-request.js';
import { sendToolkitFile } from './toolkit-pages.js';

const STAFF = ['programme_admin', 'programme_viewer'] as const;

/** The text types a file can be pasted as (binary files go through the API). */
export const PASTE_TYPES = [
  'application/yaml',
  'application/json',
  'text/csv',
  'text/plain',
  'text/markdown',
  'application/xml',
];

/** The "add a file" form: a text file pasted into the page. */
export class PasteFileForm {
  @Matches(FILE_NAME)
  name: string;

  @IsIn(PASTE_TYPES)
  contentType: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1_000_000)
  content: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const field = (body: unknown, name: string) =>
  body && typeof body === 'object' ? str((body as Record<string, unknown>)[name]) : '';

/**
 * Developer toolkits for the programme office: releases with their status, files and
 * download counts per organisation; the admin starts a release, adds text files by
 * pasting them (binary files and anything over the form limit: the upload API) and
 * publishes. Viewers read only; their forged posts get 403 from `@Allow`.
 */
@PageController('programme/toolkits')
export class ProgrammeToolkitsController {
  constructor(private readonly toolkits: ToolkitsService) {}

  @Get()
  @Allow(...STAFF)
  async list(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const page = await this.toolkits.list(actor, plainToInstance(ToolkitQueryDto, { limit: 500 }));
    return render(req, reply, 'toolkits/list.njk', { toolkits: page.data, base: '/programme' });
  }

  @Get(':id')
  @Allow(...STAFF)
  async one(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.detail(actor, id, req, reply);
  }

  private async detail(
    actor: Actor,
    id: string,
    req: FastifyRequest,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
    status = 200,
  ) {
    const [toolkit, downloads] = await Promise.all([
      this.toolkits.get(actor, id),
      this.toolkits.downloads(id),
    ]);
    const byRelease = new Map<string, typeof downloads.rows>();
    for (const r of downloads.rows) {
      byRelease.set(r.releaseId, [...(byRelease.get(r.releaseId) ?? []), r]);
    }
    const releases = toolkit.releases.map((r) => ({
      ...r,
      downloads: byRelease.get(r.id) ?? [],
    }));
    return render(
      req,
      reply,
      'toolkits/one.njk',
      {
        toolkit: { ...toolkit, releases },
        base: '/programme',
        staff: true,
        canEdit: actor.role === 'programme_admin',
        ...extra,
      },
      status,
    );
  }

  @Get(':id/releases/new')
  @Allow('programme_admin')
  async newRelease(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const toolkit = await this.toolkits.get(actor, id);
    return render(req, reply, 'toolkits/release-form.njk', { toolkit, values: {} });
  }

  @Post(':id/releases')
  @Allow('programme_admin')
  async createRelease(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const toolkit = await this.toolkits.get(actor, id);
    const values = { version: field(body, 'version').trim(), notes: field(body, 'notes') };
    const { dto, errors } = await validateForm(
      CreateReleaseDto,
      { version: values.version, notes: values.notes },
      'toolkits.forms.release',
      t,
    );
    const again = (list: FormError[], status: number) =>
      render(
        req,
        reply,
        'toolkits/release-form.njk',
        { toolkit, values, errorList: summaryList(list), errors: inlineErrors(list) },
        status,
      );
    if (errors.length > 0) return again(errors, 400);
    try {
      const release = await this.toolkits.createRelease(actor, id, dto);
      return redirect(req, reply, `/programme/toolkits/${id}#release-${release.id}`, {
        key: 'toolkits.flash.releaseCreated',
        params: { version: release.version },
      });
    } catch (err) {
      if (!(err instanceof ProblemException) || err.getStatus() !== 409) throw err;
      return again([{ field: 'version', text: t('toolkits.forms.release.version.taken') }], 409);
    }
  }

  @Get(':id/releases/:releaseId/files/new')
  @Allow('programme_admin')
  async newFile(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('releaseId', ParseUUIDPipe) releaseId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const release = await this.toolkits.getRelease(actor, id, releaseId);
    return render(req, reply, 'toolkits/file-form.njk', {
      toolkitId: id,
      release,
      types: PASTE_TYPES,
      values: { contentType: 'text/csv' },
    });
  }

  @Post(':id/releases/:releaseId/files')
  @Allow('programme_admin')
  async addFile(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('releaseId', ParseUUIDPipe) releaseId: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const release = await this.toolkits.getRelease(actor, id, releaseId);
    const values = {
      name: field(body, 'name').trim(),
      contentType: field(body, 'contentType'),
      content: field(body, 'content'),
    };
    const again = (list: FormError[], status: number) =>
      render(
        req,
        reply,
        'toolkits/file-form.njk',
        {
          toolkitId: id,
          release,
          types: PASTE_TYPES,
          values,
          errorList: summaryList(list),
          errors: inlineErrors(list),
        },
        status,
      );
    const { errors } = await validateForm(PasteFileForm, values, 'toolkits.forms.file', t);
    if (errors.length > 0) return again(errors, 400);
    try {
      const { file } = await this.toolkits.upload(
        actor,
        id,
        releaseId,
        values.name,
        values.contentType,
        Buffer.from(values.content, 'utf8'),
      );
      return redirect(req, reply, `/programme/toolkits/${id}#release-${releaseId}`, {
        key: 'toolkits.flash.fileAdded',
        params: { name: file.name },
      });
    } catch (err) {
      if (!(err instanceof ProblemException)) throw err;
      const status = err.getStatus();
      if (status === 409) {
        return again([{ field: 'content', text: t('toolkits.errors.published') }], 409);
      }
      if (status === 413 || status === 415 || status === 422) {
        return again([{ field: 'content', text: t('toolkits.errors.content') }], 422);
      }
      throw err;
    }
  }

  @Post(':id/releases/:releaseId/publish')
  @Allow('programme_admin')
  async publish(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('releaseId', ParseUUIDPipe) releaseId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    try {
      const release = await this.toolkits.publish(actor, id, releaseId);
      return redirect(req, reply, `/programme/toolkits/${id}#release-${releaseId}`, {
        key: 'toolkits.flash.published',
        params: { version: release.version },
      });
    } catch (err) {
      if (!(err instanceof ProblemException) || err.getStatus() !== 409) throw err;
      const text =
        err.code === 'release_empty' ? t('toolkits.errors.empty') : t('toolkits.errors.published');
      return this.detail(
        actor,
        id,
        req,
        reply,
        { errorList: [{ text, href: `#publish-${releaseId}` }] },
        409,
      );
    }
  }

  @Get(':id/releases/:releaseId/files/:fileId')
  @Allow(...STAFF)
  download(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('releaseId', ParseUUIDPipe) releaseId: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendToolkitFile(this.toolkits, actor, { id, releaseId, fileId }, req, reply);
  }
}
