export * from './common';
export * from './commands';
export * from './plans';
