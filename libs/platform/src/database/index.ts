export * from './pg-pool';
export * from './typeorm';
