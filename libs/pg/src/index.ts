export * from './transaction';
export * from './sql-migrations';
