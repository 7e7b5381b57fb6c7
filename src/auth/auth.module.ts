import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config.js';
import { AccessGuard } from './access.guard.js';
import { ApiTokensController } from './api-tokens.controller.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import { ApiTokensService } from './api-tokens.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { Authenticator } from './authenticator.service.js';
import { LanguagePreferenceService } from './language-preference.service.js';
import { LoginThrottle } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

/** L1: users, API tokens, login, and the global deny-by-default AccessGuard. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { algorithm: 'HS256', issuer: 'ptrack' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'ptrack' },
      }),
    }),
  ],
  controllers: [AuthController, UsersController, ApiTokensController],
  providers: [
    UsersRepository,
    ApiTokensRepository,
    AuthService,
    UsersService,
    ApiTokensService,
    Authenticator,
    LoginThrottle,
    LanguagePreferenceService,
    PasswordHasher,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [
    PasswordHasher,
    UsersService,
    Authenticator,
    AuthService,
    LanguagePreferenceService,
    ApiTokensService,
  ],
})
export class AuthModule {}
