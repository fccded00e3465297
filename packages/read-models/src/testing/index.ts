export { DEFAULT_PROVINCES, generateEvents, planStream, type GenerateOptions } from './generate';
