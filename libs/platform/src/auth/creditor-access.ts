import { ForbiddenException } from '@nestjs/common';
import type { Actor } from './actor';

/** True when the actor may see data of this creditor (no `creditors` claim = every creditor). */
export const canAccessCreditor = (actor: Pick<Actor, 'creditors'>, creditorId: string): boolean =>
  actor.creditors === undefined || actor.creditors.includes(creditorId);

/** Throws 403 when the token's `creditors` claim does not include this creditor. */
export const assertCreditorAccess = (actor: Pick<Actor, 'creditors'>, creditorId: string): void => {
  if (!canAccessCreditor(actor, creditorId)) {
    throw new ForbiddenException(`No access to creditor ${creditorId}`);
  }
};
