export const PROMISE_CATEGORY = 'promise';

export const promiseStreamId = (promiseId: string): string => `${PROMISE_CATEGORY}-${promiseId}`;

export const promiseIdOfStream = (streamId: string): string => streamId.slice(PROMISE_CATEGORY.length + 1);
