import type {} from '@fastify/view';
import type { Flash } from './page-request.js';

/** What the portal keeps in the encrypted session cookie (nothing else). */
declare module '@fastify/secure-session' {
  interface SessionData {
    /** The signed-in user. */
    uid: string;
    /** The user's token version at sign-in (bumped by a password change or deactivation). */
    tv: number;
    /** Sign-in time and last use, ms since epoch (absolute and idle timeouts). */
    started: number;
    seen: number;
    /** A one-time message for the next page (POST/redirect/GET). */
    flash: Flash | undefined;
  }
}
