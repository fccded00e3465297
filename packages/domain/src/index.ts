export * from './shared/decider';
export * from './shared/errors';
export * from './access/access';
export * from './regions/region-code';
export * from './regions/region.decider';
export * from './opds/opd-id';
export * from './opds/opd.decider';
export * from './users/user.decider';
