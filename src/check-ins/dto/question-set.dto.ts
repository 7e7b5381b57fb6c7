import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { VersionField } from '../../common/validation/version-field.js';
import {
  CHECK_IN_SCALES,
  type CheckInScale,
  QUESTION_SET_STATUSES,
  type QuestionSetStatus,
} from '../check-in-question-set.entity.js';

export class CheckInQuestionDto {
  @ApiProperty({ example: 'trust', pattern: '^[a-z][a-z0-9-]{0,39}$' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'code must be a lower-case slug' })
  code: string;

  @ApiProperty({ example: 'How much do you trust the other side to be open about problems?' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  text: string;

  @ApiProperty({ enum: CHECK_IN_SCALES })
  @IsIn(CHECK_IN_SCALES)
  scale: CheckInScale;
}

/** A new draft version of the question set (programme admin). */
export class CreateQuestionSetDto {
  @ApiProperty({ type: [CheckInQuestionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CheckInQuestionDto)
  questions: CheckInQuestionDto[];
}

/** Replaces a draft's questions (carries the version read). */
export class UpdateQuestionSetDto extends CreateQuestionSetDto {
  @VersionField()
  version: number;
}

export class PublishQuestionSetDto {
  @VersionField()
  version: number;
}

export class QuestionSetViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'integer', description: 'The version number of the question set' })
  number: number;

  @ApiProperty({ enum: QUESTION_SET_STATUSES })
  status: QuestionSetStatus;

  @ApiProperty({ type: () => CheckInQuestionDto, isArray: true })
  questions: CheckInQuestionDto[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;

  @ApiProperty({ type: 'integer' })
  version: number;
}
