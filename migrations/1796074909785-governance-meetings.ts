import { MigrationInterface, QueryRunner } from 'typeorm';

export class GovernanceMeetings1796074909785 implements MigrationInterface {
  name = 'GovernanceMeetings1796074909785';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "governance_groups" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "seed_key" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_56a32d1869b20335814e1de5dc8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_governance_groups_name" ON "governance_groups" ("name")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_governance_groups_seed_key" ON "governance_groups" ("seed_key")
            WHERE seed_key IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "governance_group_members" (
                "group_id" uuid NOT NULL,
                "organisation_id" uuid NOT NULL,
                "role" text NOT NULL,
                CONSTRAINT "PK_a1e11bc6141d387b8931fc76976" PRIMARY KEY ("group_id", "organisation_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_governance_members_org" ON "governance_group_members" ("organisation_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "meetings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "group_id" uuid NOT NULL,
                "title" text NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "agenda_items" jsonb NOT NULL DEFAULT '[]',
                "attendees" text array NOT NULL DEFAULT '{}',
                "minutes" text NOT NULL DEFAULT '',
                "seed_key" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_meetings_seed_key" ON "meetings" ("seed_key")
            WHERE seed_key IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_meetings_group_starts" ON "meetings" ("group_id", "starts_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_actions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "title" text NOT NULL,
                "owner" text NOT NULL,
                "due_date" date NOT NULL,
                "status" text NOT NULL DEFAULT 'open',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_4e701fbcdc5c3bd77f4cb06f545" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_meeting_actions_meeting" ON "meeting_actions" ("meeting_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_meeting_actions_open_due" ON "meeting_actions" ("status", "due_date")
        `);
    await queryRunner.query(`
            ALTER TABLE "decisions"
            ADD "decided_by_meeting_id" uuid
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_decisions_meeting" ON "decisions" ("decided_by_meeting_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "governance_group_members"
            ADD CONSTRAINT "FK_bb270b0f6c87d727b62da2f957b" FOREIGN KEY ("group_id") REFERENCES "governance_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "governance_group_members"
            ADD CONSTRAINT "FK_e9cd15bb5635f494b8e2491c026" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "FK_b8d9171573c66a49ad9f6486052" FOREIGN KEY ("group_id") REFERENCES "governance_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_actions"
            ADD CONSTRAINT "FK_0575e240d89893fc997bda98332" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "meeting_actions" DROP CONSTRAINT "FK_0575e240d89893fc997bda98332"
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "FK_b8d9171573c66a49ad9f6486052"
        `);
    await queryRunner.query(`
            ALTER TABLE "governance_group_members" DROP CONSTRAINT "FK_e9cd15bb5635f494b8e2491c026"
        `);
    await queryRunner.query(`
            ALTER TABLE "governance_group_members" DROP CONSTRAINT "FK_bb270b0f6c87d727b62da2f957b"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_decisions_meeting"
        `);
    await queryRunner.query(`
            ALTER TABLE "decisions" DROP COLUMN "decided_by_meeting_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_meeting_actions_open_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_meeting_actions_meeting"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_actions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_meetings_group_starts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_meetings_seed_key"
        `);
    await queryRunner.query(`
            DROP TABLE "meetings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_governance_members_org"
        `);
    await queryRunner.query(`
            DROP TABLE "governance_group_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_governance_groups_seed_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_governance_groups_name"
        `);
    await queryRunner.query(`
            DROP TABLE "governance_groups"
        `);
  }
}
