import { ApiProperty } from '@nestjs/swagger';
import { ProductComparisonCompareDataAssessmentViewDto } from './product-comparison-compare-data-assessment-view.dto.js';
import { ProductComparisonCompareDataCertificateViewDto } from './product-comparison-compare-data-certificate-view.dto.js';
import { ProductComparisonCompareDataMetViewDto } from './product-comparison-compare-data-met-view.dto.js';
import { ProductComparisonCompareDataStandardChecksViewDto } from './product-comparison-compare-data-standard-checks-view.dto.js';
import { ProductComparisonCompareDataSupplierViewDto } from './product-comparison-compare-data-supplier-view.dto.js';
import { ProductComparisonWorksWithViewDto } from './product-comparison-works-with-view.dto.js';
import { ProductComparisonCompareDataUsabilityViewDto } from './product-comparison-compare-data-usability-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ProductComparisonCompareDataViewDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  productId: string | null;

  @ApiProperty({ type: String, nullable: true })
  name: string | null;

  @ApiProperty({ type: String, nullable: true })
  productVersion: string | null;

  @ApiProperty({ type: String, nullable: true })
  status: string | null;

  @ApiProperty({ type: () => ProductComparisonCompareDataSupplierViewDto })
  supplier: ProductComparisonCompareDataSupplierViewDto;

  @ApiProperty({ type: () => ProductComparisonCompareDataCertificateViewDto, nullable: true })
  certificate: ProductComparisonCompareDataCertificateViewDto | null;

  @ApiProperty({ type: () => ProductComparisonCompareDataAssessmentViewDto, nullable: true })
  assessment: ProductComparisonCompareDataAssessmentViewDto | null;

  @ApiProperty({ type: () => ProductComparisonCompareDataMetViewDto })
  met: ProductComparisonCompareDataMetViewDto;

  @ApiProperty({ type: String, isArray: true, nullable: true })
  requirementsNotMet: string[] | null;

  @ApiProperty({ type: () => ProductComparisonCompareDataStandardChecksViewDto })
  standardChecks: ProductComparisonCompareDataStandardChecksViewDto;

  @ApiProperty({ type: () => ProductComparisonCompareDataUsabilityViewDto, nullable: true })
  usability: ProductComparisonCompareDataUsabilityViewDto | null;

  @ApiProperty({ type: Number, nullable: true })
  councilsLive: number | null;

  @ApiProperty({
    type: () => [ProductComparisonWorksWithViewDto],
    nullable: true,
    description:
      'For a council: the latest tested-together result with each product or shared service it already uses (null for other callers)',
  })
  worksWith: ProductComparisonWorksWithViewDto[] | null;
}
