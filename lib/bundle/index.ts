export * from './manifest';
export * from './exportBundle';
export * from './verify';
export * from './report';
export * from './sha256sums';
