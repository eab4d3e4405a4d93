export * from './checkToken';
export * from './reply';
export * from './request';
export * from './obtain';
