export {
  loadReporterConfig,
  reporterSchema,
  reporterConfigDocs,
  type ReporterConfig,
} from './config';
export { startReporter, policyOf, type RunningReporter } from './reporter';
