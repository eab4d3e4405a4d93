export * from './categories';
export * from './workingDays';
export * from './responseDeadline';
export * from './steps';
export * from './recommendations';
export * from './responseTracker';
