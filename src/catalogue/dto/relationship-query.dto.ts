import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../service-lifecycle.js';

export const DIRECTIONS = ['outgoing', 'incoming', 'both'] as const;

export class RelationshipQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RELATIONSHIP_TYPES })
  @IsOptional()
  @IsIn(RELATIONSHIP_TYPES)
  type?: RelationshipType;

  @ApiPropertyOptional({
    enum: DIRECTIONS,
    default: 'both',
    description: 'outgoing: this service depends on / sends to; incoming: the reverse',
  })
  @IsOptional()
  @IsIn(DIRECTIONS)
  direction: (typeof DIRECTIONS)[number] = 'both';
}
