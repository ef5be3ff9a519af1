import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from './roles';

/** The caller of a request, from a verified bearer token. */
export type Actor = {
  kind: 'user';
  /** The token's `sub`. */
  id: string;
  roles: Role[];
  /**
   * Creditors whose data this user may see. Absent: not scoped (every creditor). Present: only
   * these — check with `assertCreditorAccess`.
   */
  creditors?: string[];
};

/** Request property where the guard puts the verified actor. */
export const ACTOR_KEY = 'actor';

/** `@Actor() actor: Actor` — the verified caller of this request. */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<Record<string, unknown>>()[ACTOR_KEY];
  if (!actor) throw new Error('@Actor() used on a @Public() route: there is no verified caller');
  return actor as Actor;
});
