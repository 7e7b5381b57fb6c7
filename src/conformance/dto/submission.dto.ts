import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import {
  ASSESSMENTS,
  type Assessment,
  SAMPLE_VERDICTS,
  type SampleVerdict,
  SUBMISSION_RESULTS,
  SUBMISSION_STATUSES,
  type SubmissionResult,
  type SubmissionStatus,
} from '../submission-lifecycle.js';
import { OptionalNotNull, VersionField } from '../../common/validation/version-field.js';

const CODE = /^[A-Z]{2,6}-\d{3}$/;

export class CreateSubmissionDto {
  @ApiProperty({ format: 'uuid', description: 'Your product (it must claim the service)' })
  @IsUUID()
  productId: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The service; the submission is against its currently published requirement set',
  })
  @IsUUID()
  serviceId: string;
}

export class SubmissionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES })
  @IsOptional()
  @IsIn(SUBMISSION_STATUSES)
  status?: SubmissionStatus;

  @ApiPropertyOptional({ enum: SUBMISSION_RESULTS })
  @IsOptional()
  @IsIn(SUBMISSION_RESULTS)
  result?: SubmissionResult;
}

export class ItemAnswerDto {
  @ApiProperty({ example: 'ADM-014' })
  @Matches(CODE, { message: 'code must be a requirement code such as ADM-014' })
  code: string;

  @ApiPropertyOptional({ enum: ASSESSMENTS, nullable: true, description: 'null clears the answer' })
  @IsOptional()
  @IsIn(ASSESSMENTS)
  selfAssessment?: Assessment | null;

  @ApiPropertyOptional({ maxLength: 10000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(10000)
  evidenceText?: string;

  @ApiPropertyOptional({ type: [String], description: 'Links to evidence (http or https)' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { each: true })
  evidenceUrls?: string[];
}

export class AnswerItemsDto {
  @VersionField()
  version: number;

  @ApiProperty({
    type: [ItemAnswerDto],
    description: 'Answers by requirement code (fields left out are kept)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ItemAnswerDto)
  items: ItemAnswerDto[];
}

export class AddSampleDto {
  @VersionField()
  version: number;

  @ApiProperty({ format: 'uuid', description: 'A standard governing the service' })
  @IsUUID()
  standardId: string;

  @ApiProperty({ example: 'Typical application', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  label: string;

  @ApiProperty({ description: 'The sample payload (any JSON value)' })
  @IsDefined()
  payload: unknown;
}

export class VersionOnlyDto {
  @VersionField()
  version: number;
}

export class ItemVerdictDto {
  @ApiProperty({ example: 'ADM-014' })
  @Matches(CODE, { message: 'code must be a requirement code such as ADM-014' })
  code: string;

  @ApiProperty({ enum: ASSESSMENTS })
  @IsIn(ASSESSMENTS)
  verdict: Assessment;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}

export class SampleVerdictDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ enum: SAMPLE_VERDICTS })
  @IsIn(SAMPLE_VERDICTS)
  verdict: SampleVerdict;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}

export class VerdictsDto {
  @VersionField()
  version: number;

  @ApiPropertyOptional({ type: [ItemVerdictDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ItemVerdictDto)
  items?: ItemVerdictDto[];

  @ApiPropertyOptional({ type: [SampleVerdictDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SampleVerdictDto)
  samples?: SampleVerdictDto[];
}

export class DecisionDto {
  @VersionField()
  version: number;

  @ApiProperty({ enum: SUBMISSION_RESULTS })
  @IsIn(SUBMISSION_RESULTS)
  result: SubmissionResult;

  @ApiProperty({ maxLength: 5000, description: 'Why (shown to the supplier)' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason: string;

  @ApiPropertyOptional({
    maxLength: 5000,
    description: 'Required to approve while a standard check failed: why it is acceptable',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  overrideReason?: string;
}
