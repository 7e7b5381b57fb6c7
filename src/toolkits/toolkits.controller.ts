import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { ApiConditionalGet, ifNoneMatchHits } from '../common/http/conditional-get.js';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { CreateReleaseDto } from './dto/create-release.dto.js';
import { CreateToolkitDto } from './dto/create-toolkit.dto.js';
import { ToolkitQueryDto } from './dto/toolkit-query.dto.js';
import {
  ToolkitDetailViewDto,
  ToolkitDownloadsViewDto,
  ToolkitFileViewDto,
  ToolkitReleaseViewDto,
  ToolkitViewDto,
} from './dto/toolkit-views.dto.js';
import { servedContentType, TOOLKIT_MEDIA_TYPES } from './toolkit-content.js';
import { TOOLKIT_UPLOAD, UPLOAD_TYPE_HEADER } from './toolkit-upload-route.js';
import { ToolkitsService } from './toolkits.service.js';

const READERS = ['programme_admin', 'programme_viewer', 'supplier', 'council'] as const;
const BINARY = { schema: { type: 'string', format: 'binary' } };
const BINARY_CONTENT = Object.fromEntries(TOOLKIT_MEDIA_TYPES.map((t) => [t, BINARY]));

/**
 * Developer toolkits: the programme office creates toolkits and releases, uploads files
 * and publishes; suppliers and councils read published releases and download files (each
 * download recorded for their organisation); programme staff see drafts and download
 * counts. A draft is a 404 to everyone else.
 */
@ApiTags('toolkits')
@ApiBearerAuth()
@Controller()
export class ToolkitsController {
  constructor(private readonly toolkits: ToolkitsService) {}

  @ApiPagedResponse(ToolkitViewDto)
  @Get('toolkits')
  @Allow(...READERS)
  @ApiOperation({ summary: 'Developer toolkits, by name, each with its latest published release' })
  list(@CurrentActor() actor: Actor, @Query() q: ToolkitQueryDto) {
    return this.toolkits.list(actor, q);
  }

  @ApiOkResponse({ type: ToolkitDetailViewDto })
  @Get('toolkits/:id')
  @Allow(...READERS)
  @ApiOperation({ summary: 'A toolkit with its releases (newest first) and their files' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.toolkits.get(actor, id);
  }

  @ApiCreatedResponse({ type: ToolkitViewDto })
  @ApiProblems(409, 422)
  @Post('toolkits')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Add a toolkit for a service' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateToolkitDto) {
    return this.toolkits.create(actor, dto);
  }

  @ApiCreatedResponse({ type: ToolkitReleaseViewDto })
  @ApiProblems(404, 409, 422)
  @Post('toolkits/:id/releases')
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Start a draft release (version, notes, standards and requirement sets)',
  })
  createRelease(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CreateReleaseDto,
  ) {
    return this.toolkits.createRelease(actor, id, dto);
  }

  @ApiOkResponse({ type: ToolkitReleaseViewDto })
  @ApiProblems(404)
  @Get('toolkits/:id/releases/:releaseId')
  @Allow(...READERS)
  @ApiOperation({ summary: 'One release with its files (size, SHA-256)' })
  getRelease(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('releaseId', ParseUuidPipe) releaseId: string,
  ) {
    return this.toolkits.getRelease(actor, id, releaseId);
  }

  @ApiOkResponse({ type: ToolkitReleaseViewDto })
  @ApiProblems(404, 409)
  @HttpCode(200)
  @Post('toolkits/:id/releases/:releaseId/publish')
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Publish a draft release: readable by suppliers and councils, files frozen',
    description:
      'Contacts subscribed to the `toolkit-releases` topic get one "new release" notice.',
  })
  publish(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('releaseId', ParseUuidPipe) releaseId: string,
  ) {
    return this.toolkits.publish(actor, id, releaseId);
  }

  @ApiCreatedResponse({ type: ToolkitFileViewDto, description: 'A new file' })
  @ApiOkResponse({ type: ToolkitFileViewDto, description: 'The file of that name replaced' })
  @ApiProblems(404, 409, 413, 415, 422)
  @ApiConsumes(...TOOLKIT_MEDIA_TYPES)
  @ApiBody({ description: 'The file itself (raw bytes, not multipart)', ...BINARY })
  @ApiParam({ name: 'file', description: 'The file name, e.g. payments-api.yaml' })
  @RouteConfig({ [TOOLKIT_UPLOAD]: true })
  @Put('toolkits/:id/releases/:releaseId/files/:file')
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Upload a file to a draft release (raw body; Content-Type says what it is)',
    description:
      'Over TOOLKIT_MAX_FILE_BYTES: 413. A type off the allow-list: 415. Bytes that do not ' +
      'look like the type (JSON that does not parse, no %PDF- or zip signature, text that is ' +
      'not UTF-8): 422. The same name again replaces the file.',
  })
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('releaseId', ParseUuidPipe) releaseId: string,
    @Param('file') name: string,
    @Headers(UPLOAD_TYPE_HEADER) contentType: string | undefined,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ToolkitFileViewDto> {
    const r = await this.toolkits.upload(actor, id, releaseId, name, contentType, req.body);
    void reply.status(r.created ? 201 : 200);
    return r.file;
  }

  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(404, 409)
  @HttpCode(204)
  @ApiParam({ name: 'file', description: 'The file id (UUID) or its name' })
  @Delete('toolkits/:id/releases/:releaseId/files/:file')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Remove a file from a draft release' })
  async deleteFile(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('releaseId', ParseUuidPipe) releaseId: string,
    @Param('file') file: string,
  ): Promise<void> {
    await this.toolkits.deleteFile(actor, id, releaseId, file);
  }

  @ApiOkResponse({ description: 'The bytes, as uploaded', content: BINARY_CONTENT })
  @ApiConditionalGet()
  @ApiProblems(404)
  @ApiParam({ name: 'file', description: 'The file id (UUID) or its name' })
  @Get('toolkits/:id/releases/:releaseId/files/:file')
  @Allow(...READERS)
  @ApiOperation({
    summary: 'Download a file (recorded for your organisation)',
    description:
      'Content-Type as uploaded, Content-Disposition attachment, ETag the quoted SHA-256. ' +
      'A 304 (If-None-Match naming it) is not recorded as a download.',
  })
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('releaseId', ParseUuidPipe) releaseId: string,
    @Param('file') file: string,
    @Headers('if-none-match') inm: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    const d = await this.toolkits.download(actor, id, releaseId, file, (etag) =>
      ifNoneMatchHits(inm, etag),
    );
    void reply.header('etag', `"${d.file.sha256}"`).header('cache-control', 'private, no-cache');
    if (!d.body) {
      void reply.status(304);
      return undefined;
    }
    return new StreamableFile(d.body, {
      type: servedContentType(d.file.contentType),
      disposition: `attachment; filename="${d.file.name}"`,
      length: d.file.sizeBytes,
    });
  }

  @ApiOkResponse({ type: ToolkitDownloadsViewDto })
  @ApiProblems(404)
  @Get('toolkits/:id/downloads')
  @Allow('programme_admin', 'programme_viewer')
  @ApiOperation({ summary: 'Downloads per release per organisation (programme office)' })
  downloads(@Param('id', ParseUuidPipe) id: string) {
    return this.toolkits.downloads(id);
  }
}
