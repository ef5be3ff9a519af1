/**
 * DEV-ONLY signing key of the embedded default (`npm start`, tests, `npm run token`). It is public:
 * anyone can mint an admin token with it. A production configuration (NODE_ENV=production) refuses
 * to start with it; set JWT_SECRET to a real secret or JWT_JWKS_URL instead.
 */
export const DEV_JWT_SECRET = 'cartera-dev-only-signing-key-do-not-use-in-production';

/** Issuer and audience of the embedded default; tools/token.mjs uses the same values. */
export const DEFAULT_JWT_ISSUER = 'cartera-dev';
export const DEFAULT_JWT_AUDIENCE = 'cartera-api';
