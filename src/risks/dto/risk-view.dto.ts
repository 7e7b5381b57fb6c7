import { ApiProperty } from '@nestjs/swagger';
import { RiskViewInherentViewDto } from './risk-view-inherent-view.dto.js';
import { RiskViewResidualViewDto } from './risk-view-residual-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class RiskViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  reference: string;

  @ApiProperty({ enum: ['risk', 'issue', 'barrier'] })
  kind: 'risk' | 'issue' | 'barrier';

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String })
  description: string;

  @ApiProperty({
    enum: [
      'delivery',
      'technical',
      'commercial',
      'data_protection',
      'security',
      'capacity',
      'funding',
      'governance',
      'interoperability',
      'adoption',
      'other',
    ],
  })
  category:
    | 'delivery'
    | 'technical'
    | 'commercial'
    | 'data_protection'
    | 'security'
    | 'capacity'
    | 'funding'
    | 'governance'
    | 'interoperability'
    | 'adoption'
    | 'other';

  @ApiProperty({ enum: ['supplier', 'council', 'national', 'service'] })
  scope: 'supplier' | 'council' | 'national' | 'service';

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  serviceId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  supplierId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  councilId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ownerUserId: string | null;

  @ApiProperty({ type: String, format: 'uuid' })
  ownerOrganisationId: string;

  @ApiProperty({ enum: ['reduce', 'accept', 'avoid', 'transfer'] })
  treatment: 'reduce' | 'accept' | 'avoid' | 'transfer';

  @ApiProperty({
    enum: ['identified', 'assessed', 'mitigating', 'monitoring', 'closed', 'realised'],
  })
  status: 'identified' | 'assessed' | 'mitigating' | 'monitoring' | 'closed' | 'realised';

  @ApiProperty({ enum: ['national', 'local'] })
  escalationLevel: 'national' | 'local';

  @ApiProperty({ type: () => RiskViewInherentViewDto })
  inherent: RiskViewInherentViewDto;

  @ApiProperty({ type: () => RiskViewResidualViewDto })
  residual: RiskViewResidualViewDto;

  @ApiProperty({ enum: ['red', 'amber', 'green'] })
  rag: 'red' | 'amber' | 'green';

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastReviewedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  nextReviewAt: Date;

  @ApiProperty({ type: Boolean })
  reviewOverdue: boolean;

  @ApiProperty({ type: String, nullable: true })
  closureReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  realisedFromId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  realisedIssueId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  realisedAt: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  raisedByUserId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  raisedByOrganisationId: string | null;

  @ApiProperty({ type: Number })
  version: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}
