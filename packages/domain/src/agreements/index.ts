export * from './pk.decider';
export * from './conflicts';
export * from './pk-in-force';
