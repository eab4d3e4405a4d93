export * from './db';
export * from './settings';
export * from './evidenceRepository';
export * from './auditLog';
export * from './caseRepository';
export * from './signingKey';
export * from './bundleReceiver';
export * from './redactionRepository';
