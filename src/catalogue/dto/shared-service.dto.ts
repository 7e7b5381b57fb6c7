import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { CouncilMembersDto } from '../../organisations/dto/council-group.dto.js';

export class SharedServiceMembersDto extends CouncilMembersDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Add every council of this group' })
  @IsOptional()
  @IsUUID()
  councilGroupId?: string;
}

export class CreateSharedServiceDto extends SharedServiceMembersDto {
  @ApiProperty({ example: 'London shared admissions service' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiProperty({ format: 'uuid', description: 'The service this is an instance of' })
  @IsUUID()
  serviceId: string;

  @ApiProperty({ format: 'uuid', description: 'The supplier or lead council that operates it' })
  @IsUUID()
  operatorId: string;
}

export class UpdateSharedServiceDto {
  @ApiProperty({ description: 'The version you read (optimistic concurrency)' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  operatorId?: string;
}
