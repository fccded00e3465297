export * from './common';
export * from './commands';
