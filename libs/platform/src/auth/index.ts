export * from './actor';
export * from './auth.decorators';
export * from './auth.guard';
export * from './creditor-access';
export * from './dev-token';
export * from './roles';
export * from './token-verifier';
