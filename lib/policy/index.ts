export * from './categories';
export * from './workingDays';
export * from './responseDeadline';
