export * from './credit-basis';
export * from './credit-count.codec';
export * from './credit-count.store';
export * from './credit-ledger';
export * from './credit-balance.reader';
