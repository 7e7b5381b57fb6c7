import { ApiProperty } from '@nestjs/swagger';
import { CommunicationViewDto } from './communication-view.dto.js';
import { ProgressViewDto } from './progress-view.dto.js';

/** Response body: the communication view with its delivery progress. */
export class CommunicationsGetViewDto extends CommunicationViewDto {
  @ApiProperty({ type: () => ProgressViewDto })
  progress: ProgressViewDto;
}
