/** The account every ledger contract example is about. */
export const EXAMPLE_ACCOUNT = {
  accountId: '0190f5a4-7c1e-7b3a-9d2e-1f2a3b4c5d6e',
  debtorId: '6f1c2b7e-3d4a-5b6c-8d9e-0a1b2c3d4e5f',
  creditorId: 'acme-bank',
  currency: 'COP',
} as const;
