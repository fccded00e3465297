export {
  ensureKafkaTestBrokerBuilt,
  startKafkaTestBroker,
  type KafkaTestBroker,
  type KafkaTestTopic,
  type StartKafkaTestBrokerOptions,
} from './kafka-test-broker';

/**
 * Application log level for tests (LOG_LEVEL), to pass to createKafka / kafkaLogLevel.
 * kafkajs stays silent unless LOG_LEVEL=debug or trace.
 */
export function testLogLevel(): string | undefined {
  // eslint-disable-next-line no-restricted-syntax -- src/testing is test-only code; production src takes the level as a parameter.
  return process.env.LOG_LEVEL;
}
