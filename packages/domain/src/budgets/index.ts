export * from './budget.decider';
export * from './totals';
