import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../role.js';

export class CreateUserDto {
  @ApiProperty({ example: 'jo.bloggs@council.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Jo Bloggs' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ enum: ROLES, description: 'Must fit the organisation type' })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId: string;

  @ApiProperty({ format: 'password', minLength: 12, description: 'Initial password (write-only)' })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;
}
