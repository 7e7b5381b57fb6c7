import { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogueRequirementsStandards1795428353289 implements MigrationInterface {
  name = 'CatalogueRequirementsStandards1795428353289';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "services" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" text NOT NULL,
                "name" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "lead_agency_id" uuid NOT NULL,
                "delivery_model" text NOT NULL,
                "status" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_ba2d347a3168a296416c6c5ccb2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_services_code" ON "services" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_services_lead_agency" ON "services" ("lead_agency_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_services_delivery_model" ON "services" ("delivery_model")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_services_status" ON "services" ("status")
        `);
    await queryRunner.query(`
            CREATE TABLE "service_relationships" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "from_service_id" uuid NOT NULL,
                "to_service_id" uuid NOT NULL,
                "type" text NOT NULL,
                "standard_id" uuid,
                "description" text NOT NULL DEFAULT '',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_57bf09d6cd834d0991277ce7b1e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_service_relationships_to" ON "service_relationships" ("to_service_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_service_relationships_standard" ON "service_relationships" ("standard_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_service_relationships_edge" ON "service_relationships" ("from_service_id", "to_service_id", "type")
        `);
    await queryRunner.query(`
            CREATE TABLE "shared_services" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "service_id" uuid NOT NULL,
                "operator_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_f7a81281d28ebd2ba0578cbf32e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_shared_services_name" ON "shared_services" ("name")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_shared_services_service" ON "shared_services" ("service_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_shared_services_operator" ON "shared_services" ("operator_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "shared_service_members" (
                "shared_service_id" uuid NOT NULL,
                "council_id" uuid NOT NULL,
                "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ac2a5eef782fb65309b962f3e28" PRIMARY KEY ("shared_service_id", "council_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_shared_service_members_council" ON "shared_service_members" ("council_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "requirement_sets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "service_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "status" text NOT NULL,
                "title" text NOT NULL,
                "summary" text NOT NULL DEFAULT '',
                "effective_date" date,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "superseded_at" TIMESTAMP WITH TIME ZONE,
                "based_on_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f78bdc1de5044c475a116ec538c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_requirement_sets_status" ON "requirement_sets" ("status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_requirement_sets_one_published" ON "requirement_sets" ("service_id")
            WHERE status = 'published'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_requirement_sets_one_draft" ON "requirement_sets" ("service_id")
            WHERE status = 'draft'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_requirement_sets_service_version" ON "requirement_sets" ("service_id", "version")
        `);
    await queryRunner.query(`
            CREATE TABLE "requirements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "requirement_set_id" uuid NOT NULL,
                "code" text NOT NULL,
                "title" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "level" text NOT NULL,
                "category" text NOT NULL DEFAULT '',
                "acceptance_criteria" text NOT NULL DEFAULT '',
                "position" integer NOT NULL,
                CONSTRAINT "PK_4e966e20a0ebaf89e4c1ed664a4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_requirements_set_code" ON "requirements" ("requirement_set_id", "code")
        `);
    await queryRunner.query(`
            CREATE TABLE "standards" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" text NOT NULL,
                "name" text NOT NULL,
                "version" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "owner_id" uuid NOT NULL,
                "status" text NOT NULL,
                "effective_from" date,
                "deprecated_from" date,
                "retired_from" date,
                "json_schema" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revision" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_cb084ce5e29cc74efe0befbefa8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_standards_owner" ON "standards" ("owner_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_standards_status" ON "standards" ("status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_standards_code_version" ON "standards" ("code", "version")
        `);
    await queryRunner.query(`
            CREATE TABLE "standard_services" (
                "standard_id" uuid NOT NULL,
                "service_id" uuid NOT NULL,
                CONSTRAINT "PK_3cdb83ba2f33b4024c2a35fc365" PRIMARY KEY ("standard_id", "service_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_0b748c3516e14bb4bbb353adf9" ON "standard_services" ("standard_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_aa35d447ffd51621bb92b54d19" ON "standard_services" ("service_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "services"
            ADD CONSTRAINT "FK_db69a3ce94b1840f68cd10fd5fb" FOREIGN KEY ("lead_agency_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "service_relationships"
            ADD CONSTRAINT "FK_abc62f1f20fc928b2f425a04824" FOREIGN KEY ("from_service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "service_relationships"
            ADD CONSTRAINT "FK_d4d0e8f1e8fddcc30f555f5404c" FOREIGN KEY ("to_service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "service_relationships"
            ADD CONSTRAINT "FK_114b8268da610cd47b6194989b8" FOREIGN KEY ("standard_id") REFERENCES "standards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "shared_services"
            ADD CONSTRAINT "FK_f18e5c49c3a992e6ed72b57dce6" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "shared_services"
            ADD CONSTRAINT "FK_ce5eaf9c58cb98bf1de4a6a9a4b" FOREIGN KEY ("operator_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "shared_service_members"
            ADD CONSTRAINT "FK_442063e678f938725ec1d707da1" FOREIGN KEY ("shared_service_id") REFERENCES "shared_services"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "shared_service_members"
            ADD CONSTRAINT "FK_24ffd4e4e23ae3510183cfeb9fd" FOREIGN KEY ("council_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "requirement_sets"
            ADD CONSTRAINT "FK_dcaef4895741085c54e048d021e" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "requirement_sets"
            ADD CONSTRAINT "FK_93fde2f88e6675cce181c140e5b" FOREIGN KEY ("based_on_id") REFERENCES "requirement_sets"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "requirements"
            ADD CONSTRAINT "FK_101a934b10ce2eed8617f875805" FOREIGN KEY ("requirement_set_id") REFERENCES "requirement_sets"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "standards"
            ADD CONSTRAINT "FK_f98646fa051f96e843f5f81915e" FOREIGN KEY ("owner_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "standard_services"
            ADD CONSTRAINT "FK_0b748c3516e14bb4bbb353adf99" FOREIGN KEY ("standard_id") REFERENCES "standards"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "standard_services"
            ADD CONSTRAINT "FK_aa35d447ffd51621bb92b54d190" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "standard_services" DROP CONSTRAINT "FK_aa35d447ffd51621bb92b54d190"
        `);
    await queryRunner.query(`
            ALTER TABLE "standard_services" DROP CONSTRAINT "FK_0b748c3516e14bb4bbb353adf99"
        `);
    await queryRunner.query(`
            ALTER TABLE "standards" DROP CONSTRAINT "FK_f98646fa051f96e843f5f81915e"
        `);
    await queryRunner.query(`
            ALTER TABLE "requirements" DROP CONSTRAINT "FK_101a934b10ce2eed8617f875805"
        `);
    await queryRunner.query(`
            ALTER TABLE "requirement_sets" DROP CONSTRAINT "FK_93fde2f88e6675cce181c140e5b"
        `);
    await queryRunner.query(`
            ALTER TABLE "requirement_sets" DROP CONSTRAINT "FK_dcaef4895741085c54e048d021e"
        `);
    await queryRunner.query(`
            ALTER TABLE "shared_service_members" DROP CONSTRAINT "FK_24ffd4e4e23ae3510183cfeb9fd"
        `);
    await queryRunner.query(`
            ALTER TABLE "shared_service_members" DROP CONSTRAINT "FK_442063e678f938725ec1d707da1"
        `);
    await queryRunner.query(`
            ALTER TABLE "shared_services" DROP CONSTRAINT "FK_ce5eaf9c58cb98bf1de4a6a9a4b"
        `);
    await queryRunner.query(`
            ALTER TABLE "shared_services" DROP CONSTRAINT "FK_f18e5c49c3a992e6ed72b57dce6"
        `);
    await queryRunner.query(`
            ALTER TABLE "service_relationships" DROP CONSTRAINT "FK_114b8268da610cd47b6194989b8"
        `);
    await queryRunner.query(`
            ALTER TABLE "service_relationships" DROP CONSTRAINT "FK_d4d0e8f1e8fddcc30f555f5404c"
        `);
    await queryRunner.query(`
            ALTER TABLE "service_relationships" DROP CONSTRAINT "FK_abc62f1f20fc928b2f425a04824"
        `);
    await queryRunner.query(`
            ALTER TABLE "services" DROP CONSTRAINT "FK_db69a3ce94b1840f68cd10fd5fb"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_aa35d447ffd51621bb92b54d19"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_0b748c3516e14bb4bbb353adf9"
        `);
    await queryRunner.query(`
            DROP TABLE "standard_services"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_standards_code_version"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_standards_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_standards_owner"
        `);
    await queryRunner.query(`
            DROP TABLE "standards"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_requirements_set_code"
        `);
    await queryRunner.query(`
            DROP TABLE "requirements"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_requirement_sets_service_version"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_requirement_sets_one_draft"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_requirement_sets_one_published"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_requirement_sets_status"
        `);
    await queryRunner.query(`
            DROP TABLE "requirement_sets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_shared_service_members_council"
        `);
    await queryRunner.query(`
            DROP TABLE "shared_service_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_shared_services_operator"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_shared_services_service"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_shared_services_name"
        `);
    await queryRunner.query(`
            DROP TABLE "shared_services"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_service_relationships_edge"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_service_relationships_standard"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_service_relationships_to"
        `);
    await queryRunner.query(`
            DROP TABLE "service_relationships"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_services_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_services_delivery_model"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_services_lead_agency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_services_code"
        `);
    await queryRunner.query(`
            DROP TABLE "services"
        `);
  }
}
