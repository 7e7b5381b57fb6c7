import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { WorkerHost } from './worker-host.service.js';

/** Imported by the worker process only: runs processors and schedulers. */
@Module({ imports: [DiscoveryModule], providers: [WorkerHost] })
export class WorkerHostModule {}
