export * from './cross-creditor-walk';
export * from './openapi-operations';
export * from './fuzz-write-routes';
export * from './documented-paths';
