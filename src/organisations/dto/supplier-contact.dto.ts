import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export class CreateSupplierContactDto {
  @ApiProperty({ example: 'Sam Patel' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'sam.patel@supplier.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ type: [String], example: ['admissions', 'releases'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[a-z0-9][a-z0-9_-]{0,49}$/, {
    each: true,
    message: 'each topic must be a lower-case slug',
  })
  topics?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateSupplierContactDto extends PartialType(CreateSupplierContactDto) {}
