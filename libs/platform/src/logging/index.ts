export * from './logger.params';
