import { VersionField } from '../../common/validation/version-field.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { PRODUCT_STATUSES, type ProductStatus } from '../product-lifecycle.js';

const OptionalNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

export class CreateProductDto {
  @ApiProperty({ example: 'Northwind Admissions' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '4.2', description: "The supplier's release label" })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  productVersion: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Services it claims to deliver' })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  serviceIds: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Programme admins only: the owning supplier (suppliers: always their own)',
  })
  @IsOptional()
  @IsUUID()
  supplierId?: string;
}

export class UpdateProductDto {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  productVersion?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Replaces the claimed services',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  serviceIds?: string[];

  @VersionField()
  version: number;
}

export class ProductTransitionDto {
  @ApiProperty({ enum: PRODUCT_STATUSES })
  @IsIn(PRODUCT_STATUSES)
  to: ProductStatus;

  @ApiPropertyOptional({
    maxLength: 2000,
    description:
      'Required when the programme office moves it to in_remediation, suspended or unpublished',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;

  @VersionField()
  version: number;
}

export class ProductQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  supplierId?: string;

  @ApiPropertyOptional({ enum: PRODUCT_STATUSES })
  @IsOptional()
  @IsIn(PRODUCT_STATUSES)
  status?: ProductStatus;
}
