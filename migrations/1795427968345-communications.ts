import { MigrationInterface, QueryRunner } from 'typeorm';

export class Communications1795427968345 implements MigrationInterface {
  name = 'Communications1795427968345';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "communications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" text NOT NULL DEFAULT 'manual',
                "subject_template" text NOT NULL,
                "body_template" text NOT NULL,
                "topic" text NOT NULL,
                "mandatory" boolean NOT NULL DEFAULT false,
                "audience" jsonb NOT NULL DEFAULT '{}',
                "channels" text array NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "send_at" TIMESTAMP WITH TIME ZONE,
                "acknowledge_by" TIMESTAMP WITH TIME ZONE,
                "context" jsonb NOT NULL DEFAULT '{}',
                "dedupe_key" text,
                "created_by" text NOT NULL,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_29ec793018d5d5ca19d40149e87" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_communications_dedupe_key" ON "communications" ("dedupe_key")
            WHERE dedupe_key IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_communications_acknowledge_by" ON "communications" ("acknowledge_by")
            WHERE acknowledge_by IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_communications_status_send_at" ON "communications" ("status", "send_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "acknowledgements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "communication_id" uuid NOT NULL,
                "supplier_id" uuid NOT NULL,
                "via" text NOT NULL,
                "acknowledged_by" text NOT NULL,
                "acknowledged_by_user_id" uuid,
                "acknowledged_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ux_acknowledgements_supplier" UNIQUE ("communication_id", "supplier_id"),
                CONSTRAINT "PK_5fb9e1a0c3bc3f01173a42e0ee0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_acknowledgements_supplier" ON "acknowledgements" ("supplier_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "communication_id" uuid NOT NULL,
                "supplier_id" uuid NOT NULL,
                "contact_id" uuid NOT NULL,
                "channel" text NOT NULL,
                "target" text NOT NULL,
                "status" text NOT NULL DEFAULT 'created',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ux_deliveries_recipient" UNIQUE ("communication_id", "contact_id", "channel"),
                CONSTRAINT "PK_a6ef225c5c5f0974e503bfb731f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_deliveries_supplier" ON "deliveries" ("supplier_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_deliveries_communication_status" ON "deliveries" ("communication_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_deliveries_status_updated" ON "deliveries" ("status", "updated_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "supplier_contacts"
            ADD "inactive_reason" text
        `);
    await queryRunner.query(`
            ALTER TABLE "outbox_messages"
            ADD "available_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "acknowledgements"
            ADD CONSTRAINT "FK_981197b63a3b7efa28376492a20" FOREIGN KEY ("communication_id") REFERENCES "communications"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "acknowledgements"
            ADD CONSTRAINT "FK_5a04baefe218a0af69c8b99d3d4" FOREIGN KEY ("supplier_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "deliveries"
            ADD CONSTRAINT "FK_31b8aa35771f07ea7614ded4b17" FOREIGN KEY ("communication_id") REFERENCES "communications"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "deliveries"
            ADD CONSTRAINT "FK_9055cdb0beafb42b2307dc11b30" FOREIGN KEY ("contact_id") REFERENCES "supplier_contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "deliveries" DROP CONSTRAINT "FK_9055cdb0beafb42b2307dc11b30"
        `);
    await queryRunner.query(`
            ALTER TABLE "deliveries" DROP CONSTRAINT "FK_31b8aa35771f07ea7614ded4b17"
        `);
    await queryRunner.query(`
            ALTER TABLE "acknowledgements" DROP CONSTRAINT "FK_5a04baefe218a0af69c8b99d3d4"
        `);
    await queryRunner.query(`
            ALTER TABLE "acknowledgements" DROP CONSTRAINT "FK_981197b63a3b7efa28376492a20"
        `);
    await queryRunner.query(`
            ALTER TABLE "outbox_messages" DROP COLUMN "available_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "supplier_contacts" DROP COLUMN "inactive_reason"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_deliveries_status_updated"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_deliveries_communication_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_deliveries_supplier"
        `);
    await queryRunner.query(`
            DROP TABLE "deliveries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_acknowledgements_supplier"
        `);
    await queryRunner.query(`
            DROP TABLE "acknowledgements"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_communications_status_send_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_communications_acknowledge_by"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_communications_dedupe_key"
        `);
    await queryRunner.query(`
            DROP TABLE "communications"
        `);
  }
}
