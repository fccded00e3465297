import { pickBilingual, translate, type Lang } from './i18n';

export interface FieldError {
  path: (string | number)[];
  message: string;
}

export interface Problem {
  code: string;
  message: string;
  fieldErrors: FieldError[];
  correlationId: string | null;
}

interface ErrorData {
  code?: string;
  fieldErrors?: FieldError[];
  messageId?: string | null;
  messageEn?: string | null;
  correlationId?: string | null;
}

/** What the UI shows for an error from the API (or from client-side contract validation). */
export function describeError(err: unknown, lang: Lang): Problem {
  const e = err as { data?: ErrorData | null; message?: string; name?: string } | null;
  const data = e?.data ?? null;
  const code = data?.code ?? (e?.name === 'TRPCClientError' ? 'NETWORK' : 'UNKNOWN');
  const fieldErrors = (data?.fieldErrors ?? []).map((f) => ({
    path: f.path,
    message: pickBilingual(lang, f.message),
  }));
  const raw = e?.message ?? '';
  let message: string;
  switch (code) {
    case 'CONFLICT':
      message =
        data?.messageId || data?.messageEn
          ? pickBilingual(lang, raw, data?.messageId, data?.messageEn)
          : translate(lang, 'err.conflict');
      if (!/diubah orang lain|changed this/.test(message))
        message = `${translate(lang, 'err.conflict')} (${message})`;
      break;
    case 'FORBIDDEN':
      message = `${translate(lang, 'err.forbidden')}${raw ? ` — ${pickBilingual(lang, raw, data?.messageId, data?.messageEn)}` : ''}`;
      break;
    case 'UNAUTHORIZED':
      message = pickBilingual(lang, raw) || translate(lang, 'err.unauthorized');
      break;
    case 'NETWORK':
      message = translate(lang, 'err.network');
      break;
    default:
      message = raw
        ? pickBilingual(lang, raw, data?.messageId, data?.messageEn)
        : translate(lang, 'err.generic');
  }
  return { code, message, fieldErrors, correlationId: data?.correlationId ?? null };
}

/** Field errors keyed by their dotted path ("info.signer.nip"). */
export function fieldErrorMap(errors: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of errors) {
    const key = f.path.join('.');
    if (!(key in out)) out[key] = f.message;
  }
  return out;
}

/** Client-side check with a shared contract: zod issues become field errors. */
export function validate<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
  lang: Lang,
): { ok: true; data: T } | { ok: false; errors: Record<string, string> } {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, data: r.data };
  return {
    ok: false,
    errors: fieldErrorMap(
      r.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        message: pickBilingual(lang, i.message),
      })),
    ),
  };
}
