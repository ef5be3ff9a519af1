import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The environment the app being created reads its configuration from. createApp(…, { env }) runs
 * Nest's construction inside it, so tests can boot several apps with different variables in one
 * process without touching process.env.
 */
const storage = new AsyncLocalStorage<NodeJS.ProcessEnv>();

export const withPlatformEnv = <T>(env: NodeJS.ProcessEnv, run: () => Promise<T>): Promise<T> =>
  storage.run(env, run);

export const platformEnv = (): NodeJS.ProcessEnv => storage.getStore() ?? process.env;
