import { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckIns1796095346520 implements MigrationInterface {
  name = 'CheckIns1796095346520';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "check_in_question_sets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "number" integer NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "questions" jsonb NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "seed_key" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_171e36d018383435ab47177955e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_check_in_question_sets_number" ON "check_in_question_sets" ("number")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_check_in_question_sets_seed_key" ON "check_in_question_sets" ("seed_key")
            WHERE seed_key IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "check_in_schedules" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "cadence_weeks" integer NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_9b436ae1dc077d74928531e1449" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_check_in_schedules_org" ON "check_in_schedules" ("organisation_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "check_ins" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "schedule_id" uuid,
                "question_set_id" uuid NOT NULL,
                "due_on" date NOT NULL,
                "office_answered_at" TIMESTAMP WITH TIME ZONE,
                "office_answered_by" text,
                "partner_answered_at" TIMESTAMP WITH TIME ZONE,
                "partner_answered_by" text,
                "seed_key" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_fac7f27bc829a454ad477c13f62" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_check_ins_schedule" ON "check_ins" ("schedule_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_check_ins_question_set" ON "check_ins" ("question_set_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_check_ins_due" ON "check_ins" ("due_on")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_check_ins_seed_key" ON "check_ins" ("seed_key")
            WHERE seed_key IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_check_ins_org_due" ON "check_ins" ("organisation_id", "due_on")
        `);
    await queryRunner.query(`
            CREATE TABLE "check_in_answers" (
                "check_in_id" uuid NOT NULL,
                "side" text NOT NULL,
                "question_code" text NOT NULL,
                "score" smallint NOT NULL,
                "comment" text NOT NULL DEFAULT '',
                CONSTRAINT "PK_63d4ee9beed03dc967502ad4e1d" PRIMARY KEY ("check_in_id", "side", "question_code")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "check_in_schedules"
            ADD CONSTRAINT "FK_b10c3e141cbb88675172a51e97e" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "check_ins"
            ADD CONSTRAINT "FK_95c0dadc317e9a22337a09182c0" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "check_ins"
            ADD CONSTRAINT "FK_d911fadb0d13ef7e5f69609ad88" FOREIGN KEY ("schedule_id") REFERENCES "check_in_schedules"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "check_ins"
            ADD CONSTRAINT "FK_06468396525d51b617d02bbb561" FOREIGN KEY ("question_set_id") REFERENCES "check_in_question_sets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "check_in_answers"
            ADD CONSTRAINT "FK_eaa55a666118a4b43842775186a" FOREIGN KEY ("check_in_id") REFERENCES "check_ins"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "check_in_answers" DROP CONSTRAINT "FK_eaa55a666118a4b43842775186a"
        `);
    await queryRunner.query(`
            ALTER TABLE "check_ins" DROP CONSTRAINT "FK_06468396525d51b617d02bbb561"
        `);
    await queryRunner.query(`
            ALTER TABLE "check_ins" DROP CONSTRAINT "FK_d911fadb0d13ef7e5f69609ad88"
        `);
    await queryRunner.query(`
            ALTER TABLE "check_ins" DROP CONSTRAINT "FK_95c0dadc317e9a22337a09182c0"
        `);
    await queryRunner.query(`
            ALTER TABLE "check_in_schedules" DROP CONSTRAINT "FK_b10c3e141cbb88675172a51e97e"
        `);
    await queryRunner.query(`
            DROP TABLE "check_in_answers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_check_ins_org_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_check_ins_seed_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_check_ins_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_check_ins_question_set"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_check_ins_schedule"
        `);
    await queryRunner.query(`
            DROP TABLE "check_ins"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_check_in_schedules_org"
        `);
    await queryRunner.query(`
            DROP TABLE "check_in_schedules"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_check_in_question_sets_seed_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_check_in_question_sets_number"
        `);
    await queryRunner.query(`
            DROP TABLE "check_in_question_sets"
        `);
  }
}
