import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganisationsAuthAudit1795425500632 implements MigrationInterface {
  name = 'OrganisationsAuthAudit1795425500632';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_user_id" uuid,
                "actor_token_id" uuid,
                "actor_label" text NOT NULL,
                "organisation_id" uuid,
                "action" text NOT NULL,
                "entity_type" text NOT NULL,
                "entity_id" text NOT NULL,
                "changes" jsonb NOT NULL DEFAULT '{}',
                "request_id" text,
                "ip" text,
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_actor_user" ON "audit_events" ("actor_user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_organisation" ON "audit_events" ("organisation_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_occurred" ON "audit_events" ("occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_entity" ON "audit_events" ("entity_type", "entity_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "organisations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "type" text NOT NULL,
                "name" text NOT NULL,
                "gss_code" text,
                "council_type" text,
                "region" text,
                "nation" text,
                "code" text,
                "company_number" text,
                "onboarding_status" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_organisations_gss_code" ON "organisations" ("gss_code")
            WHERE gss_code IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_organisations_code" ON "organisations" ("code")
            WHERE code IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_organisations_council_geo" ON "organisations" ("nation", "region")
            WHERE type = 'COUNCIL'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_organisations_type_name" ON "organisations" ("type", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" text NOT NULL,
                "display_name" text NOT NULL,
                "password_hash" text NOT NULL,
                "role" text NOT NULL,
                "organisation_id" uuid NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "failed_logins" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_users_organisation" ON "users" ("organisation_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "api_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "prefix" text NOT NULL,
                "token_hash" text NOT NULL,
                "organisation_id" uuid NOT NULL,
                "created_by_user_id" uuid NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_aed697fd8c31c122befe595971b" UNIQUE ("prefix"),
                CONSTRAINT "PK_c587455266b5fa8dace7194caac" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_api_tokens_organisation" ON "api_tokens" ("organisation_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "council_groups" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_6567a01f632248f71e56ae058ed" UNIQUE ("name"),
                CONSTRAINT "PK_afcb2a541191dbd299d3ee4ce8b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "supplier_contacts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "supplier_id" uuid NOT NULL,
                "name" text NOT NULL,
                "email" text NOT NULL,
                "topics" text array NOT NULL DEFAULT '{}',
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f2aee15a54abcc155a5d7f37dc2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_supplier_contacts_supplier" ON "supplier_contacts" ("supplier_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "supplier_webhooks" (
                "supplier_id" uuid NOT NULL,
                "url" text NOT NULL,
                "secret_encrypted" text NOT NULL,
                "previous_secret_encrypted" text,
                "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_00566ef7ff630c822251eca3a8a" PRIMARY KEY ("supplier_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "council_group_members" (
                "group_id" uuid NOT NULL,
                "council_id" uuid NOT NULL,
                CONSTRAINT "PK_a95bef27a38b31920c74967949f" PRIMARY KEY ("group_id", "council_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_75c9f1dda120af38c0b4e1741b" ON "council_group_members" ("group_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_214f13c6759b0c0efc9f64c35d" ON "council_group_members" ("council_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_2fc4294f8ec97da71d587dc5577" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "api_tokens"
            ADD CONSTRAINT "FK_0c52c62b5b4f9fefb7114972d9d" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "api_tokens"
            ADD CONSTRAINT "FK_4a228d3a048dfe653e19c3e3a14" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "supplier_contacts"
            ADD CONSTRAINT "FK_3b114d2e9479f52874895578057" FOREIGN KEY ("supplier_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "supplier_webhooks"
            ADD CONSTRAINT "FK_00566ef7ff630c822251eca3a8a" FOREIGN KEY ("supplier_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "council_group_members"
            ADD CONSTRAINT "FK_75c9f1dda120af38c0b4e1741b2" FOREIGN KEY ("group_id") REFERENCES "council_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "council_group_members"
            ADD CONSTRAINT "FK_214f13c6759b0c0efc9f64c35d5" FOREIGN KEY ("council_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
                USING ERRCODE = 'insufficient_privilege';
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER audit_events_no_update_delete
            BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_events"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_no_update_delete ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
    await queryRunner.query(`
            ALTER TABLE "council_group_members" DROP CONSTRAINT "FK_214f13c6759b0c0efc9f64c35d5"
        `);
    await queryRunner.query(`
            ALTER TABLE "council_group_members" DROP CONSTRAINT "FK_75c9f1dda120af38c0b4e1741b2"
        `);
    await queryRunner.query(`
            ALTER TABLE "supplier_webhooks" DROP CONSTRAINT "FK_00566ef7ff630c822251eca3a8a"
        `);
    await queryRunner.query(`
            ALTER TABLE "supplier_contacts" DROP CONSTRAINT "FK_3b114d2e9479f52874895578057"
        `);
    await queryRunner.query(`
            ALTER TABLE "api_tokens" DROP CONSTRAINT "FK_4a228d3a048dfe653e19c3e3a14"
        `);
    await queryRunner.query(`
            ALTER TABLE "api_tokens" DROP CONSTRAINT "FK_0c52c62b5b4f9fefb7114972d9d"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_2fc4294f8ec97da71d587dc5577"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_214f13c6759b0c0efc9f64c35d"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_75c9f1dda120af38c0b4e1741b"
        `);
    await queryRunner.query(`
            DROP TABLE "council_group_members"
        `);
    await queryRunner.query(`
            DROP TABLE "supplier_webhooks"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_supplier_contacts_supplier"
        `);
    await queryRunner.query(`
            DROP TABLE "supplier_contacts"
        `);
    await queryRunner.query(`
            DROP TABLE "council_groups"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_api_tokens_organisation"
        `);
    await queryRunner.query(`
            DROP TABLE "api_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_users_organisation"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_organisations_type_name"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_organisations_council_geo"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_organisations_code"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_organisations_gss_code"
        `);
    await queryRunner.query(`
            DROP TABLE "organisations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_entity"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_occurred"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_organisation"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_actor_user"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
  }
}
