import { SettlementEvent } from './settlement.events';
import { Settlement } from './settlement.state';

export const evolve = (state: Settlement, event: SettlementEvent): Settlement => {
  switch (event.type) {
    case 'SettlementApprovalRequested': {
      const { callerLimitBps: _c, approverRole: _r, limitVersion: _v, ...proposal } = event.data;
      return { status: 'awaiting_approval', proposal };
    }
    case 'SettlementOffered': {
      const { limitVersion: _v, approval, ...proposal } = event.data;
      return { status: 'offered', proposal, approval };
    }
    case 'SettlementApproved':
      // The approval is followed by the offer it allows, which carries it.
      return state;
    case 'SettlementDeclined':
      return state.status === 'none' ? state : { status: 'declined', proposal: state.proposal };
  }
};
