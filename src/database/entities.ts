import { OutboxMessage } from '../queue/outbox-message.entity.js';

/**
 * Every TypeORM entity, listed explicitly (globs do not work under ESM + Jest).
 * `entities.spec.ts` fails when an `*.entity.ts` file is missing here.
 */
export const ENTITIES = [OutboxMessage];
