export * from './base.config';
export * from './dev-defaults';
export * from './load-config';
export * from './setting.decorator';
