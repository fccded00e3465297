export * from './types';
export * from './snapshot';
export * from './plan.decider';
export * from './plan-rules';
export * from './diff';
export * from './in-force';
export * from './sign';
