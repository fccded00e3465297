// Event payload schemas, one file per domain area. The registry is the public entry point;
// the per-area lists are exported for tests and tooling.
export * from './registry';
export { eventSchema, type EventSchema, type Same, type DataOf } from './shape';
export { regionEventSchemas } from './regions';
export { opdEventSchemas } from './opds';
export { userEventSchemas } from './users';
export { catalogEventSchemas } from './catalog';
export { planEventSchemas } from './plans';
export { agreementEventSchemas } from './agreements';
export { budgetEventSchemas } from './budgets';
export { realizationEventSchemas } from './realizations';
