/** The validated configuration object of the service (an instance of its schema). */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
/** The service name given to PlatformModule.forService, e.g. `ledger`. */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
