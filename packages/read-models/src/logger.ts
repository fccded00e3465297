import type { Logger } from './types';

/** JSON lines on stderr (pino-compatible shape) when the caller passes no logger. */
export const jsonLogger: Logger = {
  info: (obj, msg) => write(30, obj, msg),
  warn: (obj, msg) => write(40, obj, msg),
  error: (obj, msg) => write(50, obj, msg),
};

function write(level: number, obj: Record<string, unknown>, msg: string): void {
  process.stderr.write(`${JSON.stringify({ level, time: Date.now(), ...obj, msg })}\n`);
}

export function errorText(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return `${err.name}: ${err.message}${typeof code === 'string' ? ` [${code}]` : ''}`.slice(
      0,
      2000,
    );
  }
  return String(err).slice(0, 2000);
}
