// Pure SAKIP measurement calculations: exact decimals, Indonesian number/date text, formula
// engine, capaian, predikat, efisiensi and quarterly roll-up. No I/O.
export * from './errors';
export * from './decimal';
export * from './indonesian-number';
export * from './display-number';
export * from './formula';
export * from './capaian';
export * from './predikat';
export * from './efficiency';
export * from './rollup';
