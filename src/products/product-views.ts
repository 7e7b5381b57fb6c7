import type { ProductHistory } from './product-history.entity.js';
import type { Product } from './product.entity.js';
import type { ProductHistoryViewDto } from './dto/product-history-view.dto.js';
import type { ProductViewDto } from './dto/product-view.dto.js';

export const toProductView = (p: Product, serviceIds: string[]): ProductViewDto => ({
  id: p.id,
  supplierId: p.supplierId,
  name: p.name,
  productVersion: p.productVersion,
  description: p.description,
  status: p.status,
  statusReason: p.statusReason,
  publishedAt: p.publishedAt,
  serviceIds: [...serviceIds].sort(),
  version: p.version,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});
export type ProductView = ReturnType<typeof toProductView>;

export const toProductHistoryView = (h: ProductHistory): ProductHistoryViewDto => ({
  id: h.id,
  event: h.event,
  fromStatus: h.fromStatus,
  toStatus: h.toStatus,
  note: h.note,
  changes: h.changes,
  actorUserId: h.actorUserId,
  actorLabel: h.actorLabel,
  occurredAt: h.occurredAt,
});
