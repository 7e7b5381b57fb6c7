import { Entity, Index, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Service } from '../catalogue/service.entity.js';
import { Product } from './product.entity.js';

/** A service a product claims to deliver. */
@Entity({ name: 'product_services' })
export class ProductService {
  @PrimaryColumn('uuid')
  productId: string;

  @ManyToOne(() => Product, { onDelete: 'CASCADE' })
  product: Relation<Product>;

  @Index('ix_product_services_service')
  @PrimaryColumn('uuid')
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  service: Relation<Service>;
}
