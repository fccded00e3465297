// Shared error shape for every measurement calculation. Calculations never throw for bad
// user data: they return a typed error so the UI can show the bilingual message and point
// at the offending input by name.

export type MeasurementErrorCode =
  'missing_input' | 'division_by_zero' | 'invalid_input' | 'insufficient_data';

export interface MeasurementError {
  code: MeasurementErrorCode;
  /** Name of the input that caused the error, when one input is to blame. */
  input?: string;
  /** Bahasa Indonesia / English, e.g. "Input 'x' belum diisi / input 'x' is missing". */
  message: string;
}

export type MeasurementResult<T> = ({ ok: true } & T) | { ok: false; error: MeasurementError };

export function missingInput(input: string): { ok: false; error: MeasurementError } {
  return {
    ok: false,
    error: {
      code: 'missing_input',
      input,
      message: `Input '${input}' belum diisi / input '${input}' is missing`,
    },
  };
}

export function invalidInput(
  input: string,
  detail: string,
): { ok: false; error: MeasurementError } {
  return { ok: false, error: { code: 'invalid_input', input, message: detail } };
}

export function divisionByZero(
  input: string,
  message?: string,
): { ok: false; error: MeasurementError } {
  return {
    ok: false,
    error: {
      code: 'division_by_zero',
      input,
      message:
        message ??
        `Pembagian dengan nol: '${input}' bernilai 0 / division by zero: '${input}' is 0`,
    },
  };
}

export function insufficientData(
  input: string | undefined,
  message: string,
): { ok: false; error: MeasurementError } {
  return {
    ok: false,
    error:
      input === undefined
        ? { code: 'insufficient_data', message }
        : { code: 'insufficient_data', input, message },
  };
}
