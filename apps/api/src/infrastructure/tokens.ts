/** Injection tokens: explicit, so the app runs under tsx/esbuild without decorator metadata. */
export const CONFIG = Symbol('CONFIG');
export const SQL = Symbol('SQL');
export const REDIS = Symbol('REDIS');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const EXECUTOR = Symbol('EXECUTOR');
export const LOGGER = Symbol('LOGGER');
export const TRACER = Symbol('TRACER');
export const STORAGE = Symbol('STORAGE');
export const REPORT_QUEUE = Symbol('REPORT_QUEUE');
