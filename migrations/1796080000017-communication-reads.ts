import { MigrationInterface, QueryRunner } from 'typeorm';

export class CommunicationReads1796080000017 implements MigrationInterface {
  name = 'CommunicationReads1796080000017';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "communication_reads" (
                "user_id" uuid NOT NULL,
                "communication_id" uuid NOT NULL,
                "supplier_id" uuid NOT NULL,
                "read_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_0bbf6856ba9dca09606e8c6de6b" PRIMARY KEY ("user_id", "communication_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_communication_reads_supplier" ON "communication_reads" ("supplier_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "communication_reads"
            ADD CONSTRAINT "FK_27bca523ea207f109fb244af585" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "communication_reads"
            ADD CONSTRAINT "FK_e0f61b1b780a3241e4aae851c21" FOREIGN KEY ("communication_id") REFERENCES "communications"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "communication_reads"
            ADD CONSTRAINT "FK_31bc1728494834eae3117ab5b63" FOREIGN KEY ("supplier_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "communication_reads" DROP CONSTRAINT "FK_31bc1728494834eae3117ab5b63"
        `);
    await queryRunner.query(`
            ALTER TABLE "communication_reads" DROP CONSTRAINT "FK_e0f61b1b780a3241e4aae851c21"
        `);
    await queryRunner.query(`
            ALTER TABLE "communication_reads" DROP CONSTRAINT "FK_27bca523ea207f109fb244af585"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_communication_reads_supplier"
        `);
    await queryRunner.query(`
            DROP TABLE "communication_reads"
        `);
  }
}
