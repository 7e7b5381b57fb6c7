import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { buildDataSourceOptions } from './data-source-options.js';

/** The TypeORM CLI's DataSource (`typeorm -d dist/src/database/data-source.js`). */
export default new DataSource(
  buildDataSourceOptions(loadConfig(process.env, ['DATABASE_URL', 'DATABASE_POOL_SIZE'])),
);
