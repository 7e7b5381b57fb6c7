import { MigrationInterface, QueryRunner } from 'typeorm';

export class RiskRegister1795428078779 implements MigrationInterface {
  name = 'RiskRegister1795428078779';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // References R-0001 … R-9999, R-10000 …: the sequence never hands out a number twice.
    await queryRunner.query(`CREATE SEQUENCE "risk_reference_seq" START 1`);
    await queryRunner.query(`
            CREATE FUNCTION next_risk_reference() RETURNS text LANGUAGE sql VOLATILE AS $$
              SELECT 'R-' || lpad(n::text, greatest(4, length(n::text)), '0')
                FROM nextval('risk_reference_seq') AS n
            $$
        `);
    await queryRunner.query(`
            CREATE TABLE "risks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "reference" text NOT NULL,
                "kind" text NOT NULL,
                "title" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "category" text NOT NULL,
                "scope" text NOT NULL,
                "service_id" uuid,
                "supplier_id" uuid,
                "council_id" uuid,
                "owner_user_id" uuid,
                "owner_organisation_id" uuid NOT NULL,
                "raised_by_user_id" uuid,
                "raised_by_organisation_id" uuid,
                "treatment" text NOT NULL,
                "status" text NOT NULL,
                "escalation_level" text NOT NULL,
                "inherent_likelihood" smallint NOT NULL,
                "inherent_impact" smallint NOT NULL,
                "inherent_score" smallint NOT NULL,
                "residual_likelihood" smallint NOT NULL,
                "residual_impact" smallint NOT NULL,
                "residual_score" smallint NOT NULL,
                "last_reviewed_at" TIMESTAMP WITH TIME ZONE,
                "next_review_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "review_overdue_notified_on" date,
                "closure_reason" text,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "realised_from_id" uuid,
                "realised_issue_id" uuid,
                "realised_at" TIMESTAMP WITH TIME ZONE,
                "seed_key" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "ck_risks_scores_1_to_5" CHECK (
                    inherent_likelihood BETWEEN 1 AND 5
                    AND inherent_impact BETWEEN 1 AND 5
                    AND residual_likelihood BETWEEN 1 AND 5
                    AND residual_impact BETWEEN 1 AND 5
                ),
                CONSTRAINT "PK_df437126f5dd05e856b8bf7157f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_risks_reference" ON "risks" ("reference")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_risks_service" ON "risks" ("service_id")
            WHERE service_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_risks_supplier" ON "risks" ("supplier_id")
            WHERE supplier_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_risks_council" ON "risks" ("council_id")
            WHERE council_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_risks_owner_user" ON "risks" ("owner_user_id")
            WHERE owner_user_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_risks_owner_organisation" ON "risks" ("owner_organisation_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_risks_realised_from" ON "risks" ("realised_from_id")
            WHERE realised_from_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_risks_seed_key" ON "risks" ("seed_key")
            WHERE seed_key IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_risks_next_review" ON "risks" ("next_review_at")
            WHERE status IN (
                    'identified',
                    'assessed',
                    'mitigating',
                    'monitoring'
                )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_risks_residual_score" ON "risks" ("residual_score")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_risks_escalation" ON "risks" ("escalation_level")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_risks_category" ON "risks" ("category")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_risks_scope" ON "risks" ("scope")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_risks_status" ON "risks" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_risks_kind" ON "risks" ("kind")
        `);
    await queryRunner.query(`
            CREATE TABLE "mitigation_actions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "risk_id" uuid NOT NULL,
                "title" text NOT NULL,
                "owner_user_id" uuid,
                "due_date" date NOT NULL,
                "status" text NOT NULL DEFAULT 'open',
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "overdue_notified_on" date,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_c3e19eaaecf69b0ae870ecc0a2b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_mitigation_actions_risk" ON "mitigation_actions" ("risk_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_mitigation_actions_owner" ON "mitigation_actions" ("owner_user_id")
            WHERE owner_user_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_mitigation_actions_due" ON "mitigation_actions" ("due_date")
            WHERE status IN ('open', 'in_progress')
        `);
    await queryRunner.query(`
            CREATE TABLE "risk_history" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "risk_id" uuid NOT NULL,
                "event" text NOT NULL,
                "from_status" text,
                "to_status" text,
                "note" text,
                "changes" jsonb NOT NULL DEFAULT '{}',
                "actor_user_id" uuid,
                "actor_label" text NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f05484b1dffef6be64efb6d16eb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_risk_history_risk" ON "risk_history" ("risk_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "risk_reviews" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "risk_id" uuid NOT NULL,
                "note" text NOT NULL,
                "likelihood" smallint,
                "impact" smallint,
                "residual_score" smallint NOT NULL,
                "rag" text NOT NULL,
                "reviewer_user_id" uuid,
                "reviewer_label" text NOT NULL,
                "reviewed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "next_review_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_32e1cd29b2ee1ca11018f2e525c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_risk_reviews_risk" ON "risk_reviews" ("risk_id", "reviewed_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "risk_scores" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "risk_id" uuid NOT NULL,
                "source" text NOT NULL,
                "inherent_likelihood" smallint NOT NULL,
                "inherent_impact" smallint NOT NULL,
                "inherent_score" smallint NOT NULL,
                "residual_likelihood" smallint NOT NULL,
                "residual_impact" smallint NOT NULL,
                "residual_score" smallint NOT NULL,
                "actor_user_id" uuid,
                "actor_label" text NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ac76f1fbfc456572b6ed51abe8f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_risk_scores_risk" ON "risk_scores" ("risk_id", "recorded_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "risks"
            ADD CONSTRAINT "FK_c71472f74e644e72c8834e22838" FOREIGN KEY ("supplier_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "risks"
            ADD CONSTRAINT "FK_6ad87d1c93bc9bb6059c63d84c4" FOREIGN KEY ("council_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "risks"
            ADD CONSTRAINT "FK_d130e70bc996b7b4885e2cbe1ff" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "risks"
            ADD CONSTRAINT "FK_0f83044a42cd842e43b24587aac" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "risks"
            ADD CONSTRAINT "FK_c34c8a2e52ee28a3da5781a07f7" FOREIGN KEY ("realised_from_id") REFERENCES "risks"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "risks"
            ADD CONSTRAINT "FK_9431f5785ac7bfb660bc274210c" FOREIGN KEY ("realised_issue_id") REFERENCES "risks"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "mitigation_actions"
            ADD CONSTRAINT "FK_aaae08bcc4847d6352cfbe10afa" FOREIGN KEY ("risk_id") REFERENCES "risks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "mitigation_actions"
            ADD CONSTRAINT "FK_dd7f8e1114a0e7b753cf1c2edd5" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "risk_history"
            ADD CONSTRAINT "FK_9c1f212f3f595a3e379a1bed3da" FOREIGN KEY ("risk_id") REFERENCES "risks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "risk_reviews"
            ADD CONSTRAINT "FK_4ca6d31c2d28c9ab84c941d1e62" FOREIGN KEY ("risk_id") REFERENCES "risks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "risk_scores"
            ADD CONSTRAINT "FK_fde588a633aacf3f456b840f6dc" FOREIGN KEY ("risk_id") REFERENCES "risks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "risk_scores" DROP CONSTRAINT "FK_fde588a633aacf3f456b840f6dc"
        `);
    await queryRunner.query(`
            ALTER TABLE "risk_reviews" DROP CONSTRAINT "FK_4ca6d31c2d28c9ab84c941d1e62"
        `);
    await queryRunner.query(`
            ALTER TABLE "risk_history" DROP CONSTRAINT "FK_9c1f212f3f595a3e379a1bed3da"
        `);
    await queryRunner.query(`
            ALTER TABLE "mitigation_actions" DROP CONSTRAINT "FK_dd7f8e1114a0e7b753cf1c2edd5"
        `);
    await queryRunner.query(`
            ALTER TABLE "mitigation_actions" DROP CONSTRAINT "FK_aaae08bcc4847d6352cfbe10afa"
        `);
    await queryRunner.query(`
            ALTER TABLE "risks" DROP CONSTRAINT "FK_9431f5785ac7bfb660bc274210c"
        `);
    await queryRunner.query(`
            ALTER TABLE "risks" DROP CONSTRAINT "FK_c34c8a2e52ee28a3da5781a07f7"
        `);
    await queryRunner.query(`
            ALTER TABLE "risks" DROP CONSTRAINT "FK_0f83044a42cd842e43b24587aac"
        `);
    await queryRunner.query(`
            ALTER TABLE "risks" DROP CONSTRAINT "FK_d130e70bc996b7b4885e2cbe1ff"
        `);
    await queryRunner.query(`
            ALTER TABLE "risks" DROP CONSTRAINT "FK_6ad87d1c93bc9bb6059c63d84c4"
        `);
    await queryRunner.query(`
            ALTER TABLE "risks" DROP CONSTRAINT "FK_c71472f74e644e72c8834e22838"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_risk_scores_risk"
        `);
    await queryRunner.query(`
            DROP TABLE "risk_scores"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_risk_reviews_risk"
        `);
    await queryRunner.query(`
            DROP TABLE "risk_reviews"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_risk_history_risk"
        `);
    await queryRunner.query(`
            DROP TABLE "risk_history"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_mitigation_actions_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_mitigation_actions_owner"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_mitigation_actions_risk"
        `);
    await queryRunner.query(`
            DROP TABLE "mitigation_actions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_risks_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_risks_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_risks_scope"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_risks_category"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_risks_escalation"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_risks_residual_score"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_risks_next_review"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_risks_seed_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_risks_realised_from"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_risks_owner_organisation"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_risks_owner_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_risks_council"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_risks_supplier"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_risks_service"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_risks_reference"
        `);
    await queryRunner.query(`
            DROP TABLE "risks"
        `);
    await queryRunner.query(`DROP FUNCTION next_risk_reference()`);
    await queryRunner.query(`DROP SEQUENCE "risk_reference_seq"`);
  }
}
