import { AlertRaised } from './case.events';
import { Cause } from './case.state';
import { Instant } from './case.time';

/** Alert ids are derived from what they are about, so a check run twice raises each alert once. */
export const alert = (
  alertId: string,
  kind: AlertRaised['data']['kind'],
  subject: string,
  raisedAt: Instant,
  cause: Cause,
): AlertRaised => ({ type: 'AlertRaised', data: { alertId, kind, subject, raisedAt, cause } });
