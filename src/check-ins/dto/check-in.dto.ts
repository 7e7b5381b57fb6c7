import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { IsIsoDate } from '../../common/validation/is-iso-date.decorator.js';
import { OptionalNotNull } from '../../common/validation/version-field.js';
import { CHECK_IN_SCALES, type CheckInScale } from '../check-in-question-set.entity.js';

export const CHECK_IN_STATUSES = ['open', 'answered_by_one', 'complete', 'overdue'] as const;
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number];

/** A one-off check-in with a partner (outside or besides its schedule). */
export class CreateCheckInDto {
  @ApiProperty({ format: 'uuid', description: 'A supplier, council or agency' })
  @IsUUID()
  organisationId: string;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  dueOn: string;
}

export class CheckInQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @OptionalNotNull()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ enum: CHECK_IN_STATUSES })
  @OptionalNotNull()
  @IsIn(CHECK_IN_STATUSES)
  status?: CheckInStatus;
}

export class AnswerDto {
  @ApiProperty({ example: 'trust' })
  @IsString()
  @MaxLength(40)
  code: string;

  @ApiProperty({
    type: 'integer',
    description: 'RAG: 1 red, 2 amber, 3 green; otherwise 1 (poor) to 5 (excellent)',
  })
  @IsInt()
  score: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

/** One side's half: a score (and a comment) for every question of the check-in. */
export class AnswerCheckInDto {
  @ApiProperty({ type: [AnswerDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers: AnswerDto[];
}

export class SideAnswerDto {
  @ApiProperty({ type: 'integer' })
  score: number;

  @ApiProperty({ type: String })
  comment: string;
}

export class CheckInQuestionResultDto {
  @ApiProperty({ type: String })
  code: string;

  @ApiProperty({ type: String })
  text: string;

  @ApiProperty({ enum: CHECK_IN_SCALES })
  scale: CheckInScale;

  @ApiProperty({ type: () => SideAnswerDto, nullable: true })
  office: SideAnswerDto | null;

  @ApiProperty({ type: () => SideAnswerDto, nullable: true })
  partner: SideAnswerDto | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Difference between the two scores, in scale points (both answered)',
  })
  gap: number | null;
}

export class CheckInSideDto {
  @ApiProperty({ type: Boolean })
  answered: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  answeredBy: string | null;
}

export class CheckInSummaryDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Mean score, 0–100' })
  officeScore: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Mean score, 0–100' })
  partnerScore: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Mean gap, 0–100' })
  meanGap: number | null;
}

export class CheckInViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid' })
  organisationId: string;

  @ApiProperty({ type: String })
  organisationName: string;

  @ApiProperty({ type: String, enum: ['SUPPLIER', 'COUNCIL', 'AGENCY'] })
  organisationType: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  scheduleId: string | null;

  @ApiProperty({ type: String, format: 'uuid' })
  questionSetId: string;

  @ApiProperty({ type: 'integer' })
  questionSetNumber: number;

  @ApiProperty({ type: String, format: 'date' })
  dueOn: string;

  @ApiProperty({ enum: CHECK_IN_STATUSES })
  status: CheckInStatus;

  @ApiProperty({ type: () => CheckInSideDto })
  office: CheckInSideDto;

  @ApiProperty({ type: () => CheckInSideDto })
  partner: CheckInSideDto;

  @ApiProperty({
    type: () => CheckInQuestionResultDto,
    isArray: true,
    description:
      "A partner sees the programme office's answers only once it has given its own half",
  })
  questions: CheckInQuestionResultDto[];

  @ApiProperty({ type: () => CheckInSummaryDto })
  summary: CheckInSummaryDto;

  @ApiProperty({ type: 'integer' })
  version: number;
}

export class TrendPointDto {
  @ApiProperty({ type: String, format: 'uuid' })
  checkInId: string;

  @ApiProperty({ type: String, format: 'date' })
  dueOn: string;

  @ApiProperty({ type: Number, description: 'Mean of both sides, 0–100' })
  score: number;

  @ApiProperty({ type: Number })
  officeScore: number;

  @ApiProperty({ type: Number })
  partnerScore: number;

  @ApiProperty({ type: Number, description: 'Mean gap between the sides, 0–100' })
  meanGap: number;
}

export class CheckInTrendDto {
  @ApiProperty({ type: String, format: 'uuid' })
  organisationId: string;

  @ApiProperty({
    type: () => TrendPointDto,
    isArray: true,
    description: 'Complete check-ins, oldest first',
  })
  points: TrendPointDto[];
}

export class PartnerHealthDto {
  @ApiProperty({ type: String, format: 'uuid' })
  organisationId: string;

  @ApiProperty({ type: String })
  organisationName: string;

  @ApiProperty({ type: String, enum: ['SUPPLIER', 'COUNCIL', 'AGENCY'] })
  organisationType: string;

  @ApiProperty({ type: 'integer', description: 'Complete check-ins' })
  completeCheckIns: number;

  @ApiProperty({ type: String, format: 'date' })
  latestDueOn: string;

  @ApiProperty({ type: Number, description: 'Latest complete check-in, mean of both sides, 0–100' })
  latestScore: number;

  @ApiProperty({ type: Number, nullable: true })
  previousScore: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'latestScore − previousScore' })
  change: number | null;

  @ApiProperty({ type: Number, description: 'Latest mean gap between the sides, 0–100' })
  latestGap: number;
}

export class CheckInOverviewDto {
  @ApiProperty({
    type: () => PartnerHealthDto,
    isArray: true,
    description: 'Partners whose latest score fell against the previous one, largest fall first',
  })
  fell: PartnerHealthDto[];

  @ApiProperty({
    type: () => PartnerHealthDto,
    isArray: true,
    description: 'Partners whose two sides disagree most (largest latest mean gap first, top 10)',
  })
  disagree: PartnerHealthDto[];

  @ApiProperty({
    type: () => PartnerHealthDto,
    isArray: true,
    description: 'Every partner, by name',
  })
  partners: PartnerHealthDto[];
}
