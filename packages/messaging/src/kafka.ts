import {
  Kafka,
  Partitioners,
  logLevel,
  type KafkaConfig,
  type ProducerConfig,
  type RetryOptions,
} from 'kafkajs';

/**
 * Maps the application's log level onto kafkajs' logger. kafkajs is chatty
 * (every retry and reconnect is logged at ERROR/WARN), so it stays silent unless
 * the application runs with LOG_LEVEL=debug (kafkajs INFO) or LOG_LEVEL=trace
 * (kafkajs DEBUG, protocol-level). Failures still surface as rejected promises.
 *
 * The caller passes the level (e.g. from @sakip/config); nothing here reads process.env.
 */
export function kafkaLogLevel(level: string | undefined): logLevel {
  switch (level?.toLowerCase()) {
    case 'trace':
      return logLevel.DEBUG;
    case 'debug':
      return logLevel.INFO;
    default:
      return logLevel.NOTHING;
  }
}

/**
 * Producer settings.
 *
 * - idempotent = true (real Kafka): exactly-once per partition on retry; kafkajs
 *   requires maxInFlightRequests = 1 with idempotence to keep ordering.
 * - idempotent = false (librdkafka mock broker used in tests): the mock reports
 *   controller id 0 while its brokers are numbered from 1, and kafkajs' idempotent
 *   producer (InitProducerId) fails against it. Ordering per partition is still kept
 *   with maxInFlightRequests = 1, but a retry after a lost ack can duplicate a message.
 */
export function producerConfig(idempotent: boolean, retry?: RetryOptions): ProducerConfig {
  return {
    // Explicit partitioner: murmur2-compatible with the Java client, and silences
    // kafkajs' "default partitioner changed in v2" warning.
    createPartitioner: Partitioners.DefaultPartitioner,
    idempotent,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    ...(retry ? { retry } : {}),
  };
}

export interface CreateKafkaOptions {
  brokers: string[];
  clientId: string;
  /** true for real Kafka, false for the test broker (see producerConfig). */
  idempotent: boolean;
  /** Application log level (see kafkaLogLevel). Defaults to silent. */
  logLevel?: string;
  connectionTimeout?: number;
  requestTimeout?: number;
  retry?: RetryOptions;
}

/**
 * A kafkajs client whose producer() defaults to producerConfig(idempotent);
 * any config passed to producer() overrides those defaults.
 */
export class SakipKafka extends Kafka {
  readonly idempotent: boolean;
  private readonly defaultRetry: RetryOptions | undefined;

  constructor(config: KafkaConfig, idempotent: boolean) {
    super(config);
    this.idempotent = idempotent;
    this.defaultRetry = config.retry;
  }

  override producer(config?: ProducerConfig) {
    return super.producer({ ...producerConfig(this.idempotent, this.defaultRetry), ...config });
  }
}

export function createKafka(options: CreateKafkaOptions): SakipKafka {
  const config: KafkaConfig = {
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: kafkaLogLevel(options.logLevel),
  };
  if (options.connectionTimeout !== undefined) config.connectionTimeout = options.connectionTimeout;
  if (options.requestTimeout !== undefined) config.requestTimeout = options.requestTimeout;
  if (options.retry !== undefined) config.retry = options.retry;
  return new SakipKafka(config, options.idempotent);
}
