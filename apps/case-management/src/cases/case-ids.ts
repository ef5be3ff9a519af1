import { v5 } from 'uuid';

// Fixed namespace: changing it would re-key every case, so it never changes.
const CASE_NAMESPACE = '5d2c7a10-4b3e-4f8a-9c61-7e0d2b9a4f36';

/** One case per debtor × creditor: every placement of that pair lands on the same stream. */
export const caseIdOf = (debtorId: string, creditorId: string): string =>
  v5(`${creditorId}/${debtorId}`, CASE_NAMESPACE);

export const caseStreamId = (caseId: string): string => `case-${caseId}`;

export const caseIdOfStream = (streamId: string): string => streamId.slice('case-'.length);
