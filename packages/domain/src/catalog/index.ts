export * from './catalog.decider';
export * from './satuan';
