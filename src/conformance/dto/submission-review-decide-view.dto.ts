import { ApiProperty } from '@nestjs/swagger';
import { CertificateViewDto } from './certificate-view.dto.js';
import { SubmissionViewDto } from './submission-view.dto.js';

/** Response body: the base view with the parts below added. */
export class SubmissionReviewDecideViewDto extends SubmissionViewDto {
  @ApiProperty({ type: () => CertificateViewDto, nullable: true })
  certificate: CertificateViewDto | null;
}
