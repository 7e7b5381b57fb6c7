import { MigrationInterface, QueryRunner } from 'typeorm';

export class Conformance1795433814797 implements MigrationInterface {
  name = 'Conformance1795433814797';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "conformance_submissions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "product_id" uuid NOT NULL,
                "supplier_id" uuid NOT NULL,
                "service_id" uuid NOT NULL,
                "requirement_set_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "result" text,
                "round" integer NOT NULL DEFAULT '0',
                "copied_from_id" uuid,
                "copied_items" integer NOT NULL DEFAULT '0',
                "reviewer_user_id" uuid,
                "decision_reason" text,
                "override_reason" text,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "snapshot" jsonb,
                "seed_key" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_c199af6d821436f2953268f9e2f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_conformance_submissions_supplier" ON "conformance_submissions" ("supplier_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_conformance_submissions_seed_key" ON "conformance_submissions" ("seed_key")
            WHERE seed_key IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_conformance_submissions_status" ON "conformance_submissions" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_conformance_submissions_product_service" ON "conformance_submissions" ("product_id", "service_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "submission_history" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "submission_id" uuid NOT NULL,
                "event" text NOT NULL,
                "from_status" text,
                "to_status" text,
                "result" text,
                "note" text,
                "details" jsonb NOT NULL DEFAULT '{}',
                "actor_user_id" uuid,
                "actor_label" text NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_117f7e255b4beed18f4ee98d369" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_submission_history_submission" ON "submission_history" ("submission_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "submission_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "submission_id" uuid NOT NULL,
                "requirement_id" uuid NOT NULL,
                "code" text NOT NULL,
                "level" text NOT NULL,
                "position" integer NOT NULL,
                "content_hash" text NOT NULL,
                "self_assessment" text,
                "evidence_text" text NOT NULL DEFAULT '',
                "evidence_urls" jsonb NOT NULL DEFAULT '[]',
                "copied_forward" boolean NOT NULL DEFAULT false,
                "verdict" text,
                "reviewer_comment" text,
                CONSTRAINT "PK_1994165967389d779651005248e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_submission_items_submission_code" ON "submission_items" ("submission_id", "code")
        `);
    await queryRunner.query(`
            CREATE TABLE "submission_samples" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "submission_id" uuid NOT NULL,
                "standard_id" uuid NOT NULL,
                "label" text NOT NULL,
                "payload" jsonb NOT NULL,
                "check_status" text NOT NULL DEFAULT 'pending',
                "check_errors" jsonb NOT NULL DEFAULT '[]',
                "checked_at" TIMESTAMP WITH TIME ZONE,
                "verdict" text,
                "reviewer_comment" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2da697532664f41f18c2f00b3d7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_submission_samples_submission" ON "submission_samples" ("submission_id", "standard_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "usability_evaluations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "product_id" uuid NOT NULL,
                "supplier_id" uuid NOT NULL,
                "sus_score" double precision NOT NULL,
                "task_completion_percent" integer NOT NULL,
                "wcag_level" text NOT NULL,
                "evaluated_on" date NOT NULL,
                "report_url" text NOT NULL,
                "evaluator" text NOT NULL DEFAULT '',
                "summary" text NOT NULL DEFAULT '',
                "status" text NOT NULL DEFAULT 'draft',
                "published_at" TIMESTAMP WITH TIME ZONE,
                "supplier_reply" text,
                "supplier_replied_at" TIMESTAMP WITH TIME ZONE,
                "seed_key" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_5686a17a6cfdfae492bc823a7d7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_usability_evaluations_supplier" ON "usability_evaluations" ("supplier_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_usability_evaluations_seed_key" ON "usability_evaluations" ("seed_key")
            WHERE seed_key IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_usability_evaluations_product" ON "usability_evaluations" ("product_id", "evaluated_on")
        `);
    await queryRunner.query(`
            CREATE TABLE "product_history" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "product_id" uuid NOT NULL,
                "event" text NOT NULL,
                "from_status" text,
                "to_status" text,
                "note" text,
                "changes" jsonb NOT NULL DEFAULT '{}',
                "actor_user_id" uuid,
                "actor_label" text NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_235f5de8f3f653973711bc77b16" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_product_history_product" ON "product_history" ("product_id", "occurred_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "reminded_at30" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "reminded_at7" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "conformance_submissions"
            ADD CONSTRAINT "FK_d8857dacf9eff38c378fb21c099" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "conformance_submissions"
            ADD CONSTRAINT "FK_386d88bcd1cc7ef4df91ce27036" FOREIGN KEY ("supplier_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "conformance_submissions"
            ADD CONSTRAINT "FK_6270d521dc6c3e5e79200690570" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "conformance_submissions"
            ADD CONSTRAINT "FK_eeaf936e0a0202106653b9186f1" FOREIGN KEY ("requirement_set_id") REFERENCES "requirement_sets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_history"
            ADD CONSTRAINT "FK_0c4ac86557ef058fd469848fef3" FOREIGN KEY ("submission_id") REFERENCES "conformance_submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_items"
            ADD CONSTRAINT "FK_829a94d9c409078ab06a48b3667" FOREIGN KEY ("submission_id") REFERENCES "conformance_submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_items"
            ADD CONSTRAINT "FK_c7c41aa016db89a0bad17a69f99" FOREIGN KEY ("requirement_id") REFERENCES "requirements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_samples"
            ADD CONSTRAINT "FK_42c8f9ce1992dbc6da9b4a1afcf" FOREIGN KEY ("submission_id") REFERENCES "conformance_submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_samples"
            ADD CONSTRAINT "FK_45775f9b7196af51f8c58fb0ee6" FOREIGN KEY ("standard_id") REFERENCES "standards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "usability_evaluations"
            ADD CONSTRAINT "FK_fe96223cc56f88d7fb2f04087c9" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "usability_evaluations"
            ADD CONSTRAINT "FK_0e1873d428165cb70f7d0b0d966" FOREIGN KEY ("supplier_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "product_history"
            ADD CONSTRAINT "FK_d0e845cfa7cb0c5f092ae9acab1" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "product_history" DROP CONSTRAINT "FK_d0e845cfa7cb0c5f092ae9acab1"
        `);
    await queryRunner.query(`
            ALTER TABLE "usability_evaluations" DROP CONSTRAINT "FK_0e1873d428165cb70f7d0b0d966"
        `);
    await queryRunner.query(`
            ALTER TABLE "usability_evaluations" DROP CONSTRAINT "FK_fe96223cc56f88d7fb2f04087c9"
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_samples" DROP CONSTRAINT "FK_45775f9b7196af51f8c58fb0ee6"
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_samples" DROP CONSTRAINT "FK_42c8f9ce1992dbc6da9b4a1afcf"
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_items" DROP CONSTRAINT "FK_c7c41aa016db89a0bad17a69f99"
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_items" DROP CONSTRAINT "FK_829a94d9c409078ab06a48b3667"
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_history" DROP CONSTRAINT "FK_0c4ac86557ef058fd469848fef3"
        `);
    await queryRunner.query(`
            ALTER TABLE "conformance_submissions" DROP CONSTRAINT "FK_eeaf936e0a0202106653b9186f1"
        `);
    await queryRunner.query(`
            ALTER TABLE "conformance_submissions" DROP CONSTRAINT "FK_6270d521dc6c3e5e79200690570"
        `);
    await queryRunner.query(`
            ALTER TABLE "conformance_submissions" DROP CONSTRAINT "FK_386d88bcd1cc7ef4df91ce27036"
        `);
    await queryRunner.query(`
            ALTER TABLE "conformance_submissions" DROP CONSTRAINT "FK_d8857dacf9eff38c378fb21c099"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "reminded_at7"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "reminded_at30"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_product_history_product"
        `);
    await queryRunner.query(`
            DROP TABLE "product_history"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_usability_evaluations_product"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_usability_evaluations_seed_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_usability_evaluations_supplier"
        `);
    await queryRunner.query(`
            DROP TABLE "usability_evaluations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_submission_samples_submission"
        `);
    await queryRunner.query(`
            DROP TABLE "submission_samples"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_submission_items_submission_code"
        `);
    await queryRunner.query(`
            DROP TABLE "submission_items"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_submission_history_submission"
        `);
    await queryRunner.query(`
            DROP TABLE "submission_history"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_conformance_submissions_product_service"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_conformance_submissions_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_conformance_submissions_seed_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_conformance_submissions_supplier"
        `);
    await queryRunner.query(`
            DROP TABLE "conformance_submissions"
        `);
  }
}
