import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service.js';
import { ProblemDetailsFilter } from '../common/errors/problem-details.filter.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { QueueName } from '../queue/job-registry.js';
import { QueueProducer } from '../queue/queue-producer.service.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * The BullMQ dashboard (bull-board) at /admin/queues, api process only. Every request
 * under it must carry a programme admin's bearer (JWT or API token): 401 / 403 problem
 * details otherwise.
 */
@Module({})
export class QueueDashboardModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly producer: QueueProducer,
    private readonly authenticator: Authenticator,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const board = new FastifyAdapter();
    board.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: Object.values(QueueName).map(
        (q) => new BullMQAdapter(this.producer.queue(q), { readOnlyMode: false }),
      ),
      serverAdapter: board,
      options: { uiConfig: { boardTitle: 'ptrack queues' } },
    });
    const problems = new ProblemDetailsFilter();
    void fastify.register(async (scope) => {
      scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
        try {
          const actor = await this.authenticator.authenticate(req.headers.authorization, {
            requestId: String(req.id),
            ip: req.ip,
          });
          if (actor.role !== 'programme_admin') {
            throw new ProblemException(403, 'forbidden', 'Only programme admins see the queues');
          }
        } catch (err) {
          const body = problems.toProblem(err, req);
          if (body.status === 401) void reply.header('www-authenticate', 'Bearer');
          return reply.status(body.status).type('application/problem+json').send(body);
        }
      });
      await scope.register(board.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
    });
  }
}
