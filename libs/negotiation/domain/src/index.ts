export * from './schedule';
export * from './shared/calendar';
export * from './shared/errors';
export type { Rational } from './shared/rational';
export * from './promise';
export { inEffect } from './shared/versioned';
export type { Versioned } from './shared/versioned';
export * from './plan';
export * from './settlement';
