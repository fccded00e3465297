export {
  connect,
  ensureDatabase,
  type Sql,
  type TransactionSql,
  type ConnectOptions,
} from './connection';
export { migrate, migrationsDir, type MigrationResult } from './migrate';
