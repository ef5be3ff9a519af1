import type { ContactChannel } from '../contact-policy/contact-policy.types';

/**
 * A message's lifecycle. `allowed` messages may be sent; `blocked` and `rescheduled` ones were
 * stopped by the contact policy (a rescheduled one is requested again at its slot, as a new message).
 */
export type Message =
  | { status: 'none' }
  | {
      status: 'allowed' | 'blocked' | 'rescheduled' | 'sent' | 'delivered' | 'failed';
      debtorId: string;
      creditorId: string;
      channel: ContactChannel;
      debtIds: string[];
      replies: number;
    };

export const initialState = (): Message => ({ status: 'none' });
