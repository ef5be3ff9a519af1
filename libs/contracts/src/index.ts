// Integration contracts between services. Each context adds its messages in its own folder
// (`ledger/payment-posted.v1.ts`, …) and exports them here.
export * from './integration-message';
export * from './topics';
export * from './contract-registry';
export * from './money.validators';
export * from './ledger';
export * from './case-management';
export * from './communications';
export * from './negotiation';
