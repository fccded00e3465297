export * from './data';
export * from './model';
export { buildLkjip } from './build';
export { renderDocx } from './render-docx';
export { renderPdf } from './render-pdf';
export { renderHtml } from './render-html';
export { chartSvg, chartPng } from './charts';
export * from './templates';
export { syntheticLkjipData } from './synthetic';
export {
  loadLkjipData,
  loadPemdaLkjipData,
  dataPosition,
  defaultSigner,
  opdsOfRegion,
  regionOf,
  PinnedEventStore,
  ReportSubjectNotFound,
  type LoadOptions,
} from './loader';
export {
  S3ObjectStorage,
  createReportStorage,
  type S3StorageOptions,
  type ReportStorageSettings,
} from './storage';
export {
  listReports,
  readReport,
  lastReportedPosition,
  reportFileName,
  ReportNotFound,
  REPORT_FORMATS,
  CONTENT_TYPES,
  type ReportFormat,
  type ReportRow,
} from './repository';
export {
  generateReport,
  loadReportData,
  renderFormat,
  recordReportFailure,
  type ReportDeps,
  type GenerateInput,
  type GeneratedReport,
} from './generate';
export * from './queue';
export {
  checkFinalisation,
  resolveFinalisation,
  finalisationKey,
  ReportInputError,
  type FinalisationInput,
} from './finalisation';
export { reportValues, STATUS_LABELS, UNVERIFIED_MARK, type UnverifiedEntry } from './verified';
export { FONT_FILES } from './fonts';
