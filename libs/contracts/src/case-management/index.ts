export * from './case-common';
export * from './hold-placed.v1';
export * from './hold-lifted.v1';
