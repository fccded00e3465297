export { runProjector, selectProjections, type ProjectorOptions } from './projector';
export { runRelay, toMessage, relayName, type RelayOptions } from './relay';
export {
  runKafkaProjection,
  type KafkaProjectionOptions,
  type KafkaRunEnd,
} from './kafka-consumer';
export {
  loadProjectorSettings,
  projectorSettingsDocs,
  projectorSettingsSchema,
  type ProjectorSettings,
} from './settings';
export { projectionStatus, rebuildProjection } from '@sakip/read-models';
