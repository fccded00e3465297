export * from './pk.decider';
export * from './conflicts';
