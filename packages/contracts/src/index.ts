export * from './common';
export * from './commands';
export * from './plans';
export * from './agreements';
export * from './realizations';
export * from './events';
