import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../service-lifecycle.js';

export class CreateRelationshipDto {
  @ApiProperty({ enum: RELATIONSHIP_TYPES })
  @IsIn(RELATIONSHIP_TYPES)
  type: RelationshipType;

  @ApiProperty({ format: 'uuid', description: 'The other service' })
  @IsUUID()
  toServiceId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The standard that governs the link' })
  @IsOptional()
  @IsUUID()
  standardId?: string;

  @ApiPropertyOptional({ example: 'Real-time eligibility check during the application' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}
