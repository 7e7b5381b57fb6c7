import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { OptionalNotNull } from '../../common/validation/version-field.js';

export class BenefitQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only benefits of this service' })
  @OptionalNotNull()
  @IsUUID()
  serviceId?: string;
}
