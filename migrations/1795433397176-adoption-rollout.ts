import { MigrationInterface, QueryRunner } from 'typeorm';

export class AdoptionRollout1795433397176 implements MigrationInterface {
  name = 'AdoptionRollout1795433397176';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "adoption_history" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "adoption_id" uuid NOT NULL,
                "event" text NOT NULL,
                "from_stage" text,
                "to_stage" text,
                "changes" jsonb NOT NULL DEFAULT '{}',
                "note" text,
                "actor_user_id" uuid,
                "actor_label" text NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ce3a43d744e0d722a834418f954" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_adoption_history_live_moves" ON "adoption_history" ("occurred_at")
            WHERE to_stage = 'live'
                OR from_stage = 'live'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_adoption_history_adoption" ON "adoption_history" ("adoption_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "success_steps" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "service_id" uuid NOT NULL,
                "stage" text NOT NULL,
                "title" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "mandatory" boolean NOT NULL DEFAULT true,
                "position" integer NOT NULL DEFAULT '0',
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_4b8343eae9cdf09c52c2ece2db3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_success_steps_service_stage_title" ON "success_steps" ("service_id", "stage", "title")
        `);
    await queryRunner.query(`
            CREATE TABLE "adoption_steps" (
                "adoption_id" uuid NOT NULL,
                "step_id" uuid NOT NULL,
                "note" text,
                "completed_by_user_id" uuid,
                "completed_by_label" text NOT NULL,
                "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7a8dd4ab46b1cd4b7735dc8090c" PRIMARY KEY ("adoption_id", "step_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_adoption_steps_step" ON "adoption_steps" ("step_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "local_variances" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "adoption_id" uuid NOT NULL,
                "council_id" uuid NOT NULL,
                "service_id" uuid NOT NULL,
                "requirement_code" text NOT NULL,
                "description" text NOT NULL,
                "justification" text NOT NULL,
                "expires_on" date NOT NULL,
                "status" text NOT NULL DEFAULT 'proposed',
                "decision_reason" text,
                "decided_by_user_id" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "proposed_by_user_id" uuid,
                "seed_key" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_ebc15afa07041a1f1bb9adb93d7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_local_variances_adoption" ON "local_variances" ("adoption_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_local_variances_seed_key" ON "local_variances" ("seed_key")
            WHERE seed_key IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_local_variances_council" ON "local_variances" ("council_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_local_variances_requirement" ON "local_variances" ("requirement_code", "status")
        `);
    await queryRunner.query(`
            ALTER TABLE "adoption_history"
            ADD CONSTRAINT "FK_86cc51e1010d51b9f03ca4003ea" FOREIGN KEY ("adoption_id") REFERENCES "adoptions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "success_steps"
            ADD CONSTRAINT "FK_ec1b1f0c1137ae1c601ab7ad625" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "adoption_steps"
            ADD CONSTRAINT "FK_e88451a9bda90abf6b4727333e5" FOREIGN KEY ("adoption_id") REFERENCES "adoptions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "adoption_steps"
            ADD CONSTRAINT "FK_d4f7266d650e34eaefeae110685" FOREIGN KEY ("step_id") REFERENCES "success_steps"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "local_variances"
            ADD CONSTRAINT "FK_325543fce8e53ffe82dae28e874" FOREIGN KEY ("adoption_id") REFERENCES "adoptions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "local_variances" DROP CONSTRAINT "FK_325543fce8e53ffe82dae28e874"
        `);
    await queryRunner.query(`
            ALTER TABLE "adoption_steps" DROP CONSTRAINT "FK_d4f7266d650e34eaefeae110685"
        `);
    await queryRunner.query(`
            ALTER TABLE "adoption_steps" DROP CONSTRAINT "FK_e88451a9bda90abf6b4727333e5"
        `);
    await queryRunner.query(`
            ALTER TABLE "success_steps" DROP CONSTRAINT "FK_ec1b1f0c1137ae1c601ab7ad625"
        `);
    await queryRunner.query(`
            ALTER TABLE "adoption_history" DROP CONSTRAINT "FK_86cc51e1010d51b9f03ca4003ea"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_local_variances_requirement"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_local_variances_council"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_local_variances_seed_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_local_variances_adoption"
        `);
    await queryRunner.query(`
            DROP TABLE "local_variances"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_adoption_steps_step"
        `);
    await queryRunner.query(`
            DROP TABLE "adoption_steps"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_success_steps_service_stage_title"
        `);
    await queryRunner.query(`
            DROP TABLE "success_steps"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_adoption_history_adoption"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_adoption_history_live_moves"
        `);
    await queryRunner.query(`
            DROP TABLE "adoption_history"
        `);
  }
}
