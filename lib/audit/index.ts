export * from './entry';
export * from './chain';
export * from './describe';
export * from './redactions';
