import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** argon2id (OWASP parameters: 19 MiB, 2 iterations). */
@Injectable()
export class PasswordHasher {
  /** A real hash to verify against when the email is unknown, so timing reveals nothing. */
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  }

  async verify(hashed: string | null, password: string): Promise<boolean> {
    if (!hashed) {
      this.dummy ??= this.hash('not-a-real-password');
      await verify(await this.dummy, password).catch(() => false);
      return false;
    }
    return verify(hashed, password).catch(() => false);
  }
}
