import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import {
  DELIVERY_MODELS,
  type DeliveryModel,
  SERVICE_STATUSES,
  type ServiceStatus,
} from '../service-lifecycle.js';

export class ServiceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SERVICE_STATUSES })
  @IsOptional()
  @IsIn(SERVICE_STATUSES)
  status?: ServiceStatus;

  @ApiPropertyOptional({ enum: DELIVERY_MODELS })
  @IsOptional()
  @IsIn(DELIVERY_MODELS)
  deliveryModel?: DeliveryModel;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  leadAgencyId?: string;

  @ApiPropertyOptional({ description: 'Code starts with, or name contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
