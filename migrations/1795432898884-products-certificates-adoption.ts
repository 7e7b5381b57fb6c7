import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProductsCertificatesAdoption1795432898884 implements MigrationInterface {
  name = 'ProductsCertificatesAdoption1795432898884';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "products" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "supplier_id" uuid NOT NULL,
                "name" text NOT NULL,
                "product_version" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "status" text NOT NULL DEFAULT 'draft',
                "status_reason" text,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "seed_key" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_0806c755e0aca124e67c0cf6d7d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_products_supplier" ON "products" ("supplier_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_products_status" ON "products" ("status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_products_seed_key" ON "products" ("seed_key")
            WHERE seed_key IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_products_supplier_name_release" ON "products" ("supplier_id", "name", "product_version")
        `);
    await queryRunner.query(`
            CREATE TABLE "adoptions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "council_id" uuid NOT NULL,
                "service_id" uuid NOT NULL,
                "route_type" text,
                "product_id" uuid,
                "shared_service_id" uuid,
                "stage" text NOT NULL DEFAULT 'not_started',
                "stage_entered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "target_dates" jsonb NOT NULL DEFAULT '{}',
                "go_live_date" date,
                "notes" text NOT NULL DEFAULT '',
                "attention_required" boolean NOT NULL DEFAULT false,
                "attention_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "ck_adoptions_route" CHECK (
                    (
                        route_type IS NULL
                        AND product_id IS NULL
                        AND shared_service_id IS NULL
                    )
                    OR (
                        route_type = 'product'
                        AND product_id IS NOT NULL
                        AND shared_service_id IS NULL
                    )
                    OR (
                        route_type = 'shared_service'
                        AND shared_service_id IS NOT NULL
                        AND product_id IS NULL
                    )
                ),
                CONSTRAINT "PK_f3897fdb8f8f34600711b59183b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_adoptions_product" ON "adoptions" ("product_id")
            WHERE product_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_adoptions_shared_service" ON "adoptions" ("shared_service_id")
            WHERE shared_service_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_adoptions_stage" ON "adoptions" ("stage")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_adoptions_attention" ON "adoptions" ("attention_required")
            WHERE attention_required
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_adoptions_service_stage" ON "adoptions" ("service_id", "stage")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_adoptions_council_service" ON "adoptions" ("council_id", "service_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "certificates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "product_id" uuid NOT NULL,
                "supplier_id" uuid NOT NULL,
                "service_id" uuid NOT NULL,
                "requirement_set_id" uuid NOT NULL,
                "submission_id" uuid,
                "status" text NOT NULL DEFAULT 'valid',
                "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "reassessment_deadline" date,
                "revoked_reason" text,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "seed_key" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_e4c7e31e2144300bea7d89eb165" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_certificates_product" ON "certificates" ("product_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_certificates_supplier" ON "certificates" ("supplier_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_certificates_requirement_set" ON "certificates" ("requirement_set_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_certificates_seed_key" ON "certificates" ("seed_key")
            WHERE seed_key IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_certificates_expiry" ON "certificates" ("expires_at")
            WHERE status IN ('valid', 'reassessment_due')
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_certificates_service_status" ON "certificates" ("service_id", "status")
        `);
    await queryRunner.query(`
            CREATE TABLE "product_services" (
                "product_id" uuid NOT NULL,
                "service_id" uuid NOT NULL,
                CONSTRAINT "PK_bb972caa5c7a4d1d2b39d531235" PRIMARY KEY ("product_id", "service_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_product_services_service" ON "product_services" ("service_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "products"
            ADD CONSTRAINT "FK_0ec433c1e1d444962d592d86c86" FOREIGN KEY ("supplier_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "adoptions"
            ADD CONSTRAINT "FK_b188f9af26a9ba5f8a30aa21f3a" FOREIGN KEY ("council_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "adoptions"
            ADD CONSTRAINT "FK_ccfd423ddab6b2671bae5dc907e" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "adoptions"
            ADD CONSTRAINT "FK_d82e19a67e8dc44308fded6f25a" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "adoptions"
            ADD CONSTRAINT "FK_23eaf1ce125bb98fbed30765dac" FOREIGN KEY ("shared_service_id") REFERENCES "shared_services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_9e25120646f90fd0815171dba08" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_79e7aa99a81740735bbf96fb086" FOREIGN KEY ("supplier_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_08cef1e32e70514cfe7865a1600" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_6796548d6c08113343eb0c7e4bf" FOREIGN KEY ("requirement_set_id") REFERENCES "requirement_sets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "product_services"
            ADD CONSTRAINT "FK_cacb4dd5340e1e92513a3fe6971" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "product_services"
            ADD CONSTRAINT "FK_688b3031616b65e9f009b7acfe0" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "product_services" DROP CONSTRAINT "FK_688b3031616b65e9f009b7acfe0"
        `);
    await queryRunner.query(`
            ALTER TABLE "product_services" DROP CONSTRAINT "FK_cacb4dd5340e1e92513a3fe6971"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_6796548d6c08113343eb0c7e4bf"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_08cef1e32e70514cfe7865a1600"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_79e7aa99a81740735bbf96fb086"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_9e25120646f90fd0815171dba08"
        `);
    await queryRunner.query(`
            ALTER TABLE "adoptions" DROP CONSTRAINT "FK_23eaf1ce125bb98fbed30765dac"
        `);
    await queryRunner.query(`
            ALTER TABLE "adoptions" DROP CONSTRAINT "FK_d82e19a67e8dc44308fded6f25a"
        `);
    await queryRunner.query(`
            ALTER TABLE "adoptions" DROP CONSTRAINT "FK_ccfd423ddab6b2671bae5dc907e"
        `);
    await queryRunner.query(`
            ALTER TABLE "adoptions" DROP CONSTRAINT "FK_b188f9af26a9ba5f8a30aa21f3a"
        `);
    await queryRunner.query(`
            ALTER TABLE "products" DROP CONSTRAINT "FK_0ec433c1e1d444962d592d86c86"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_product_services_service"
        `);
    await queryRunner.query(`
            DROP TABLE "product_services"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_certificates_service_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_certificates_expiry"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_certificates_seed_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_certificates_requirement_set"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_certificates_supplier"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_certificates_product"
        `);
    await queryRunner.query(`
            DROP TABLE "certificates"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_adoptions_council_service"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_adoptions_service_stage"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_adoptions_attention"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_adoptions_stage"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_adoptions_shared_service"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_adoptions_product"
        `);
    await queryRunner.query(`
            DROP TABLE "adoptions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_products_supplier_name_release"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_products_seed_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_products_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_products_supplier"
        `);
    await queryRunner.query(`
            DROP TABLE "products"
        `);
  }
}
