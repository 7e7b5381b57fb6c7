import { Foundation1795424624722 } from '../../migrations/1795424624722-foundation.js';
import { OrganisationsAuthAudit1795425500632 } from '../../migrations/1795425500632-organisations-auth-audit.js';
import { Communications1795427968345 } from '../../migrations/1795427968345-communications.js';

/**
 * Every migration, in order, listed explicitly so the app, the CLI and the tests run the
 * same set. `entities.spec.ts` fails when a file in migrations/ is missing here.
 */
export const MIGRATIONS = [
  Foundation1795424624722,
  OrganisationsAuthAudit1795425500632,
  Communications1795427968345,
];
