import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';

export class AuditEventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'supplier' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ description: 'User id of the actor' })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @ApiPropertyOptional({ description: "Actor's organisation" })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ example: 'supplier.created' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ description: 'ISO date-time, inclusive' })
  @IsOptional()
  @IsDateString()
  from?: string;

  @ApiPropertyOptional({ description: 'ISO date-time, exclusive' })
  @IsOptional()
  @IsDateString()
  to?: string;
}
