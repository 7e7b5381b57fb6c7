import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import {
  AddSampleDto,
  AnswerItemsDto,
  CreateSubmissionDto,
  DecisionDto,
  SubmissionQueryDto,
  VerdictsDto,
  VersionOnlyDto,
} from './dto/submission.dto.js';
import { SubmissionReviewService } from './submission-review.service.js';
import { SubmissionSamplesService } from './submission-samples.service.js';
import { SubmissionsService } from './submissions.service.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { SubmissionViewDto } from './dto/submission-view.dto.js';
import { SubmissionsGetViewDto } from './dto/submissions-get-view.dto.js';
import { SubmissionsItemsViewDto } from './dto/submissions-items-view.dto.js';
import { SubmissionsAnswerViewDto } from './dto/submissions-answer-view.dto.js';
import { SubmissionSamplesListViewDto } from './dto/submission-samples-list-view.dto.js';
import { SubmissionSamplesAddViewDto } from './dto/submission-samples-add-view.dto.js';
import { SubmissionSamplesRemoveViewDto } from './dto/submission-samples-remove-view.dto.js';
import { SubmissionReviewSubmitViewDto } from './dto/submission-review-submit-view.dto.js';
import { SubmissionReviewDecideViewDto } from './dto/submission-review-decide-view.dto.js';
import { SubmissionsHistoryViewDto } from './dto/submissions-history-view.dto.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

const READERS = ['programme_admin', 'programme_viewer', 'supplier'] as const;
const id = () => new ParseUuidPipe();

@ApiTags('conformance')
@ApiBearerAuth()
@Controller('conformance-submissions')
export class ConformanceSubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly samples: SubmissionSamplesService,
    private readonly review: SubmissionReviewService,
  ) {}

  @ApiPagedResponse(SubmissionViewDto)
  @Get()
  @Allow(...READERS)
  @ApiOperation({ summary: 'Conformance submissions (suppliers: their own)' })
  list(@CurrentActor() actor: Actor, @Query() q: SubmissionQueryDto) {
    return this.submissions.list(actor, q);
  }

  @ApiCreatedResponse({ type: SubmissionViewDto })
  @ApiProblems(404)
  @Post()
  @Allow('programme_admin', 'supplier')
  @ApiOperation({
    summary:
      "Start a submission for a product × service against the service's published requirement set (answers copied forward)",
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSubmissionDto) {
    return this.submissions.create(actor, dto);
  }

  @ApiOkResponse({ type: SubmissionsGetViewDto })
  @Get(':id')
  @Allow(...READERS)
  @ApiOperation({ summary: 'One submission with its progress counts' })
  get(@CurrentActor() actor: Actor, @Param('id', id()) sid: string) {
    return this.submissions.get(actor, sid);
  }

  @ApiOkResponse({ type: SubmissionsItemsViewDto })
  @Get(':id/items')
  @Allow(...READERS)
  @ApiOperation({ summary: 'Every requirement item: self-assessment, evidence, verdict, comment' })
  items(@CurrentActor() actor: Actor, @Param('id', id()) sid: string) {
    return this.submissions.items(actor, sid);
  }

  @ApiOkResponse({ type: SubmissionsAnswerViewDto })
  @Put(':id/items')
  @Allow('programme_admin', 'supplier')
  @ApiOperation({
    summary: 'Answer items in bulk by requirement code (draft or changes requested)',
  })
  @ApiProblems(409)
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', id()) sid: string,
    @Body() dto: AnswerItemsDto,
  ) {
    return this.submissions.answer(actor, sid, dto);
  }

  @ApiOkResponse({ type: SubmissionSamplesListViewDto })
  @Get(':id/samples')
  @Allow(...READERS)
  @ApiOperation({
    summary: 'Sample payloads with their check results, and the governing standards',
  })
  listSamples(@CurrentActor() actor: Actor, @Param('id', id()) sid: string) {
    return this.samples.list(actor, sid);
  }

  @ApiCreatedResponse({ type: SubmissionSamplesAddViewDto })
  @Post(':id/samples')
  @Allow('programme_admin', 'supplier')
  @ApiOperation({ summary: 'Attach a sample payload for a governing standard' })
  addSample(
    @CurrentActor() actor: Actor,
    @Param('id', id()) sid: string,
    @Body() dto: AddSampleDto,
  ) {
    return this.samples.add(actor, sid, dto);
  }

  @ApiOkResponse({ type: SubmissionSamplesRemoveViewDto })
  @Delete(':id/samples/:sampleId')
  @Allow('programme_admin', 'supplier')
  @ApiOperation({ summary: 'Remove a sample payload (body carries the submission version)' })
  removeSample(
    @CurrentActor() actor: Actor,
    @Param('id', id()) sid: string,
    @Param('sampleId', id()) sampleId: string,
    @Body() dto: VersionOnlyDto,
  ) {
    return this.samples.remove(actor, sid, sampleId, dto);
  }

  @ApiOkResponse({ type: SubmissionReviewSubmitViewDto })
  @Post(':id/submit')
  @Allow('programme_admin', 'supplier')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Submit: every MUST answered (400 listing codes), samples checked against their schemas, snapshot frozen',
  })
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', id()) sid: string,
    @Body() dto: VersionOnlyDto,
  ) {
    return this.review.submit(actor, sid, dto);
  }

  @ApiOkResponse({ type: SubmissionViewDto })
  @Post(':id/claim')
  @Allow('programme_admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Claim the review of a submitted submission (→ in_review)' })
  claim(@CurrentActor() actor: Actor, @Param('id', id()) sid: string, @Body() dto: VersionOnlyDto) {
    return this.review.claim(actor, sid, dto);
  }

  @ApiOkResponse({ type: SubmissionViewDto })
  @Put(':id/verdicts')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Record verdicts and comments per item and sample (in review)' })
  verdicts(@CurrentActor() actor: Actor, @Param('id', id()) sid: string, @Body() dto: VerdictsDto) {
    return this.review.verdicts(actor, sid, dto);
  }

  @ApiOkResponse({ type: SubmissionReviewDecideViewDto })
  @Post(':id/decision')
  @Allow('programme_admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Decide (approved issues a certificate; failing standard checks need overrideReason; 409 unless in review)',
  })
  @ApiProblems(409)
  decide(@CurrentActor() actor: Actor, @Param('id', id()) sid: string, @Body() dto: DecisionDto) {
    return this.review.decide(actor, sid, dto);
  }

  @ApiOkResponse({ type: SubmissionsHistoryViewDto })
  @Get(':id/history')
  @Allow(...READERS)
  @ApiOperation({ summary: "The submission's full history" })
  history(@CurrentActor() actor: Actor, @Param('id', id()) sid: string) {
    return this.submissions.history(actor, sid);
  }

  @ApiOkResponse({
    description: 'The submission as frozen at submit (items, samples, product)',
    schema: { type: 'object', additionalProperties: true },
  })
  @Get(':id/snapshot')
  @Allow(...READERS)
  @ApiOperation({ summary: 'Items and samples as frozen at the last submit' })
  snapshot(@CurrentActor() actor: Actor, @Param('id', id()) sid: string) {
    return this.submissions.snapshot(actor, sid);
  }
}
