export type { Logger, PoisonPolicy, ProjectedEvent, Projection, TableNames } from './types';
export {
  ALL_PARTITION,
  CheckpointConflictError,
  EVENTS_CHANNEL,
  NATIONAL_PARTITION,
  casCheckpoint,
  loadCheckpoint,
  runProjection,
  type PartitionResult,
  type RunProjectionOptions,
  type RunResult,
  type StopReason,
} from './engine';
export {
  applyEvents,
  handlesEvent,
  type ApplyEventsOptions,
  type ApplyEventsResult,
} from './apply';
export { rebuild, rebuildProjection, type RebuildOptions, type RebuildResult } from './rebuild';
export { projectionStatus, status, type ProjectionPartitionStatus } from './status';
export {
  PartitionManager,
  activeVersion,
  createVersion,
  ensureActiveVersion,
  partitionTableName,
  provinceKey,
  replaceViews,
  tableNames,
  viewNames,
} from './tables';
export { errorText, jsonLogger } from './logger';
export { findProjection, projections } from './registry';
export { auditLogProjection, auditRow, summarize } from './projections/audit-log';
export { opdTreeProjection, MalformedEventError } from './projections/opd-tree';
export { indicatorsProjection } from './projections/indicators';
export { decreesProjection } from './projections/decrees';
export { realizationsProjection } from './projections/realizations';
export { comparisonProjection } from './projections/comparison';
export { budgetProjection } from './projections/budget';
export * from './queries';
