import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  DELIVERY_MODELS,
  type DeliveryModel,
  SERVICE_CODE,
  SERVICE_STATUSES,
  type ServiceStatus,
} from '../service-lifecycle.js';
import { ServiceScopeDto } from './service-scope.dto.js';

export class CreateServiceDto {
  @ApiProperty({ example: 'ADMISSIONS', description: 'Upper-case slug, unique' })
  @MaxLength(30)
  @Matches(SERVICE_CODE, { message: 'code must be an upper-case slug such as FSM-ECS' })
  code: string;

  @ApiProperty({ example: 'Online School Admissions' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'Parents apply online for a school place' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiProperty({ format: 'uuid', description: 'The agency that leads the service' })
  @IsUUID()
  leadAgencyId: string;

  @ApiProperty({ enum: DELIVERY_MODELS })
  @IsIn(DELIVERY_MODELS)
  deliveryModel: DeliveryModel;

  @ApiPropertyOptional({
    type: ServiceScopeDto,
    description: 'Which councils must adopt it; the system creates their adoptions (default: none)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ServiceScopeDto)
  scope?: ServiceScopeDto;
}

export class UpdateServiceDto {
  @ApiProperty({ description: 'The version you read (optimistic concurrency)' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  leadAgencyId?: string;

  @ApiPropertyOptional({ enum: DELIVERY_MODELS })
  @IsOptional()
  @IsIn(DELIVERY_MODELS)
  deliveryModel?: DeliveryModel;
}

export class ServiceTransitionDto {
  @ApiProperty({ enum: SERVICE_STATUSES, description: 'The status to move to' })
  @IsIn(SERVICE_STATUSES)
  to: ServiceStatus;

  @ApiPropertyOptional({ description: 'Why (kept in the audit log)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
