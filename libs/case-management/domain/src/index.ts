export * from './case';
export * from './worklist';
export * from './debtor';
export * from './strategy';
