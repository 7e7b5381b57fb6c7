import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import {
  CHANNELS,
  type Channel,
  COMMUNICATION_STATUSES,
  type CommunicationStatus,
  DELIVERY_STATUSES,
  type DeliveryStatus,
} from '../communication-status.js';
import { COMMUNICATION_KINDS, type CommunicationKind } from '../communication.entity.js';
import { TOPIC } from './communication.dto.js';

export class CommunicationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COMMUNICATION_STATUSES })
  @IsOptional()
  @IsIn(COMMUNICATION_STATUSES)
  status?: CommunicationStatus;

  @ApiPropertyOptional({ example: 'admissions' })
  @IsOptional()
  @Matches(TOPIC, { message: 'topic must be a lower-case slug' })
  topic?: string;

  @ApiPropertyOptional({
    enum: COMMUNICATION_KINDS,
    description: 'manual, the weekly digest, or triggered by a domain event',
  })
  @IsOptional()
  @IsIn(COMMUNICATION_KINDS)
  kind?: CommunicationKind;
}

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;
}
