export * from './contact-policy';
export * from './message';
