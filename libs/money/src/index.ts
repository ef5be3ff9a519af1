export * from './currency';
export * from './money';
export * from './allocate';
export * from './money-text';
