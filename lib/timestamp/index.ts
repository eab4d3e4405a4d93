export * from './checkToken';
export * from './reply';
export * from './request';
