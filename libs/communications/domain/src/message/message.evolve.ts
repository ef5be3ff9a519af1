import type { MessageEvent } from './message.events';
import type { Message } from './message.state';

export const evolve = (state: Message, event: MessageEvent): Message => {
  if (event.type === 'MessageRequested')
    return {
      status: 'allowed',
      debtorId: event.data.debtorId,
      creditorId: event.data.creditorId,
      channel: event.data.channel,
      debtIds: event.data.debtIds,
      replies: 0,
    };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'MessageBlocked':
      return { ...state, status: 'blocked' };
    case 'MessageRescheduled':
      return { ...state, status: 'rescheduled' };
    case 'MessageSent':
      return { ...state, status: 'sent' };
    case 'MessageDelivered':
      return { ...state, status: 'delivered' };
    case 'MessageFailed':
      return { ...state, status: 'failed' };
    case 'MessageReplied':
      return { ...state, replies: state.replies + 1 };
    default:
      return state;
  }
};
