import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class CouncilStatusServicesRouteViewDto {
  @ApiProperty({ enum: ['product', 'shared_service'] })
  type: 'product' | 'shared_service';

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  productId: string | null;

  @ApiProperty({ type: String, nullable: true })
  productName: string | null;

  @ApiProperty({ type: String, nullable: true })
  productStatus: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  sharedServiceId: string | null;

  @ApiProperty({ type: String, nullable: true })
  sharedServiceName: string | null;

  @ApiProperty({ type: String, nullable: true })
  supplierName: string | null;
}
