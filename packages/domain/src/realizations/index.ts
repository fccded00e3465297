// Realisasi kinerja: per-period realizations with their verification workflow, analysis
// narratives, comparison figures, budget spending and the achievement calculators. No I/O.
export * from './periods';
export * from './evidence';
export * from './value';
export * from './realization.decider';
export * from './in-force';
export * from './narrative.decider';
export * from './comparison';
export * from './legacy-comparison-owners';
export * from './budget-realization';
export * from './achievement';
export * from './warnings';
