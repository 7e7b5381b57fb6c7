import { MigrationInterface, QueryRunner } from 'typeorm';

export class CertificateNumber1796074309010 implements MigrationInterface {
  name = 'CertificateNumber1796074309010';

  /** The volatile default is evaluated per row, so existing certificates get their own number. */
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "certificate_number" text NOT NULL DEFAULT ((('CD-'|| upper(substr(encode(uuid_send(gen_random_uuid()), 'hex'), 1, 8))) || '-') || upper(substr(encode(uuid_send(gen_random_uuid()), 'hex'), 1, 4)))
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_certificates_number" ON "certificates" ("certificate_number")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ux_certificates_number"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "certificate_number"
        `);
  }
}
