import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { OptionalNotNull } from '../../common/validation/version-field.js';

export class ToolkitQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only toolkits for this service' })
  @OptionalNotNull()
  @IsUUID()
  serviceId?: string;
}
