import { ApiProperty } from '@nestjs/swagger';

/** One requirement in a submission with the supplier's answer and the reviewer's verdict. */
export class SubmissionItemViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, example: 'ADM-014' })
  code: string;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String, description: 'What the requirement asks for' })
  description: string;

  @ApiProperty({ type: String, description: 'The requirement category (pages group by it)' })
  category: string;

  @ApiProperty({ type: String })
  acceptanceCriteria: string;

  @ApiProperty({ enum: ['MUST', 'SHOULD', 'MAY'] })
  level: string;

  @ApiProperty({ type: 'integer' })
  position: number;

  @ApiProperty({ type: String, nullable: true })
  selfAssessment: string | null;

  @ApiProperty({ type: String, nullable: true })
  evidenceText: string | null;

  @ApiProperty({ type: String, isArray: true, nullable: true })
  evidenceUrls: string[] | null;

  @ApiProperty({ type: Boolean })
  copiedForward: boolean;

  @ApiProperty({ type: String, nullable: true })
  verdict: string | null;

  @ApiProperty({ type: String, nullable: true })
  reviewerComment: string | null;
}
