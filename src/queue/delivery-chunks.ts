import type { AppConfig } from '../config/app-config.js';
import { QueueName } from './job-registry.js';

/** The most deliveries one delivery job carries. */
export const MAX_DELIVERY_CHUNK = 50;
/** Delivery jobs a worker runs at once per channel: the chunk size follows from it. */
const JOBS_IN_FLIGHT = 4;

type DeliveryQueue = QueueName.EmailDeliveries | QueueName.WebhookDeliveries;

/** A channel's rate limit, deliveries per second (0 = none). */
export function deliveryRate(config: AppConfig, queue: DeliveryQueue): number {
  return queue === QueueName.EmailDeliveries
    ? config.EMAIL_RATE_PER_SECOND
    : config.WEBHOOK_RATE_PER_SECOND;
}

/**
 * Deliveries per job on a channel's queue: DELIVERY_CONCURRENCY shared by a few jobs in
 * flight (so one job's bookkeeping overlaps another's sends), at most MAX_DELIVERY_CHUNK,
 * and at most one second's worth under a rate limit.
 */
export function deliveryChunkSize(config: AppConfig, queue: DeliveryQueue): number {
  const size = Math.min(
    MAX_DELIVERY_CHUNK,
    Math.max(1, Math.floor(config.DELIVERY_CONCURRENCY / JOBS_IN_FLIGHT)),
  );
  const rate = deliveryRate(config, queue);
  return rate > 0 ? Math.min(size, rate) : size;
}
