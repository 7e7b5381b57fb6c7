import { MigrationInterface, QueryRunner } from 'typeorm';

export class Toolkits1796095342921 implements MigrationInterface {
  name = 'Toolkits1796095342921';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "toolkits" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" text NOT NULL,
                "name" text NOT NULL,
                "summary" text NOT NULL DEFAULT '',
                "service_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_832e6ddb0c9481f232f01f3fa17" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_toolkits_code" ON "toolkits" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_toolkits_service" ON "toolkits" ("service_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "toolkit_releases" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "toolkit_id" uuid NOT NULL,
                "version" text NOT NULL,
                "notes" text NOT NULL DEFAULT '',
                "status" text NOT NULL DEFAULT 'draft',
                "standard_ids" uuid array NOT NULL DEFAULT '{}',
                "requirement_set_ids" uuid array NOT NULL DEFAULT '{}',
                "published_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_db06741db08a66d287c2442f077" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_toolkit_releases_version" ON "toolkit_releases" ("toolkit_id", "version")
        `);
    await queryRunner.query(`
            CREATE TABLE "toolkit_files" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "release_id" uuid NOT NULL,
                "name" text NOT NULL,
                "content_type" text NOT NULL,
                "size_bytes" integer NOT NULL,
                "sha256" text NOT NULL,
                "storage" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9a2e093f3f370d8d173662091b0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_toolkit_files_name" ON "toolkit_files" ("release_id", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "toolkit_file_blobs" (
                "file_id" uuid NOT NULL,
                "bytes" bytea NOT NULL,
                CONSTRAINT "PK_f6d47af0e302b48e5a56a3107c2" PRIMARY KEY ("file_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "toolkit_downloads" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "file_id" uuid NOT NULL,
                "release_id" uuid NOT NULL,
                "organisation_id" uuid NOT NULL,
                "user_id" uuid,
                "token_id" uuid,
                "downloaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3a3723dfe16eb66216be702d014" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_toolkit_downloads_file" ON "toolkit_downloads" ("file_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_toolkit_downloads_release_org" ON "toolkit_downloads" ("release_id", "organisation_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "readiness_notices"
            ADD "communication_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "toolkits"
            ADD CONSTRAINT "FK_5b44c90e0653266cdcaef9db9aa" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "toolkit_releases"
            ADD CONSTRAINT "FK_3ba241892afb89b998df458b7ec" FOREIGN KEY ("toolkit_id") REFERENCES "toolkits"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "toolkit_files"
            ADD CONSTRAINT "FK_788c5b23eb126eb587b31ecb503" FOREIGN KEY ("release_id") REFERENCES "toolkit_releases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "toolkit_file_blobs"
            ADD CONSTRAINT "FK_f6d47af0e302b48e5a56a3107c2" FOREIGN KEY ("file_id") REFERENCES "toolkit_files"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "toolkit_downloads"
            ADD CONSTRAINT "FK_e36f3d8274836dfe12a4329130e" FOREIGN KEY ("file_id") REFERENCES "toolkit_files"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "toolkit_downloads"
            ADD CONSTRAINT "FK_e892986ca69933da1a3bd6848eb" FOREIGN KEY ("release_id") REFERENCES "toolkit_releases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "toolkit_downloads"
            ADD CONSTRAINT "FK_34986cd6cbf419985866e556fdf" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "toolkit_downloads" DROP CONSTRAINT "FK_34986cd6cbf419985866e556fdf"
        `);
    await queryRunner.query(`
            ALTER TABLE "toolkit_downloads" DROP CONSTRAINT "FK_e892986ca69933da1a3bd6848eb"
        `);
    await queryRunner.query(`
            ALTER TABLE "toolkit_downloads" DROP CONSTRAINT "FK_e36f3d8274836dfe12a4329130e"
        `);
    await queryRunner.query(`
            ALTER TABLE "toolkit_file_blobs" DROP CONSTRAINT "FK_f6d47af0e302b48e5a56a3107c2"
        `);
    await queryRunner.query(`
            ALTER TABLE "toolkit_files" DROP CONSTRAINT "FK_788c5b23eb126eb587b31ecb503"
        `);
    await queryRunner.query(`
            ALTER TABLE "toolkit_releases" DROP CONSTRAINT "FK_3ba241892afb89b998df458b7ec"
        `);
    await queryRunner.query(`
            ALTER TABLE "toolkits" DROP CONSTRAINT "FK_5b44c90e0653266cdcaef9db9aa"
        `);
    await queryRunner.query(`
            ALTER TABLE "readiness_notices" DROP COLUMN "communication_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_toolkit_downloads_release_org"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_toolkit_downloads_file"
        `);
    await queryRunner.query(`
            DROP TABLE "toolkit_downloads"
        `);
    await queryRunner.query(`
            DROP TABLE "toolkit_file_blobs"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_toolkit_files_name"
        `);
    await queryRunner.query(`
            DROP TABLE "toolkit_files"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_toolkit_releases_version"
        `);
    await queryRunner.query(`
            DROP TABLE "toolkit_releases"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_toolkits_service"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_toolkits_code"
        `);
    await queryRunner.query(`
            DROP TABLE "toolkits"
        `);
  }
}
