export {
  createKafka,
  kafkaLogLevel,
  producerConfig,
  SakipKafka,
  type CreateKafkaOptions,
} from './kafka';
