import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../common/http/public.decorator.js';
import { AllowAuthenticated, CurrentActor } from './access.decorators.js';
import type { Actor } from './actor.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { LoginDto, LoginResponseDto } from './dto/login.dto.js';
import { AuthMeViewDto } from './dto/auth-me-view.dto.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password; returns a short-lived JWT' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiProblems(401, 429)
  login(@Body() dto: LoginDto, @Req() req: FastifyRequest) {
    return this.auth.login(dto, { ip: req.ip, requestId: String(req.id) });
  }

  @ApiOkResponse({ type: AuthMeViewDto })
  @Get('me')
  @AllowAuthenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who am I: role, user or token, organisation' })
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }

  @ApiNoContentResponse({ description: 'No content' })
  @Post('password')
  @AllowAuthenticated()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change my password (current password required)' })
  @ApiProblems(429)
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto) {
    await this.auth.changePassword(actor, dto);
  }
}
