import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateSupplierDto {
  @ApiProperty({ example: 'Example Admissions Ltd' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: '01234567', description: 'Companies House number' })
  @IsOptional()
  @Matches(/^[A-Z0-9]{8}$/, { message: 'companyNumber must be 8 letters or digits' })
  companyNumber?: string;
}

export class UpdateSupplierDto extends PartialType(CreateSupplierDto) {}

export class SupplierStatusChangeDto {
  @ApiPropertyOptional({ description: 'Why (kept in the audit log)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
