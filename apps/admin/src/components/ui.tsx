import {
  useId,
  useMemo,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { useT } from '../lib/context';
import { describeError, type Problem } from '../lib/errors';
import { formatNumber } from '../lib/format';
import { readNumber, type NumberRule } from '../lib/number-input';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
}

/** Label + control + the error next to it (aria-invalid / aria-describedby). */
export function TextField({
  label,
  error,
  hint,
  ...rest
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : hint ? `${id}-hint` : undefined}
        {...rest}
      />
      {hint && !error && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-err`} className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

/**
 * A number field read with the importer's parser. While typing it shows how the text is read
 * ("dibaca / read as 825,273"), or why it is not a number; a form error (on save) wins.
 */
export function NumberField({
  rule,
  error,
  value,
  ...rest
}: FieldProps & { rule?: NumberRule; value: string } & InputHTMLAttributes<HTMLInputElement>) {
  const { lang, t } = useT();
  const typed = value.trim();
  const read = typed === '' ? null : readNumber(value, rule, lang);
  const hint =
    read?.ok === true
      ? t('num.readAs', { value: formatNumber(read.value, lang) + (read.percent ? '%' : '') })
      : undefined;
  const live = read?.ok === false ? read.message : undefined;
  return (
    <TextField
      inputMode="decimal"
      autoComplete="off"
      value={value}
      error={error ?? live}
      {...(hint ? { hint } : {})}
      {...rest}
    />
  );
}

/**
 * A number cell of an editing grid (decree targets, PK targets and budgets): the same reader as
 * NumberField, the read-back shown only when it differs from what was typed ("0.500" → "0,5").
 */
export function NumberCell({
  rule,
  error,
  value,
  className,
  ...rest
}: { rule?: NumberRule; error?: string | undefined; value: string } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value'
>) {
  const { lang, t } = useT();
  const id = useId();
  const typed = value.trim();
  const read = typed === '' ? null : readNumber(value, rule, lang);
  const shown = read?.ok ? formatNumber(read.value, lang) + (read.percent ? '%' : '') : null;
  const message = error ?? (read?.ok === false ? read.message : undefined);
  return (
    <>
      <input
        className={className ?? 'num narrow'}
        inputMode="decimal"
        autoComplete="off"
        value={value}
        aria-invalid={message ? true : undefined}
        aria-describedby={message || (shown && shown !== typed) ? `${id}-msg` : undefined}
        {...rest}
      />
      {message ? (
        <small id={`${id}-msg`} className="field-error" role="alert">
          {message}
        </small>
      ) : (
        shown &&
        shown !== typed && (
          <small id={`${id}-msg`} className="hint">
            {t('num.readAs', { value: shown })}
          </small>
        )
      )}
    </>
  );
}

export function TextArea({
  label,
  error,
  ...rest
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        {...rest}
      />
      {error && (
        <small id={`${id}-err`} className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

export function SelectField({
  label,
  error,
  children,
  ...rest
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const id = useId();
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        {...rest}
      >
        {children}
      </select>
      {error && (
        <small id={`${id}-err`} className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

export function ErrorBox({ error, problem }: { error?: unknown; problem?: Problem | null }) {
  const { lang, t } = useT();
  if (!error && !problem) return null;
  const p = problem ?? describeError(error, lang);
  return (
    <div
      className={`alert alert-error${p.code === 'CONFLICT' ? ' alert-conflict' : ''}`}
      role="alert"
      data-code={p.code}
    >
      <strong>{p.message}</strong>
      {p.fieldErrors.length > 0 && p.fieldErrors.every((f) => f.path.length === 0) && (
        <ul>
          {p.fieldErrors.map((f, i) => (
            <li key={i}>{f.message}</li>
          ))}
        </ul>
      )}
      {p.code === 'CONFLICT' && (
        <button type="button" className="btn-link" onClick={() => window.location.reload()}>
          {t('err.reload')}
        </button>
      )}
      {p.correlationId && (
        <small className="muted">
          {' '}
          {t('err.correlation')}: {p.correlationId}
        </small>
      )}
    </div>
  );
}

export function Notice({
  children,
  kind = 'info',
}: {
  children: ReactNode;
  kind?: 'info' | 'ok' | 'warn';
}) {
  return (
    <div className={`alert alert-${kind}`} role="status">
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useT();
  return (
    <p className="muted" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

/** Client-side paging for long lists (tables stay light at any size). */
export function usePaged<T>(items: readonly T[], size = 20) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(page, pages);
  const slice = useMemo(
    () => items.slice((current - 1) * size, current * size),
    [items, current, size],
  );
  return { slice, page: current, pages, setPage };
}

export function Pager({
  page,
  pages,
  setPage,
}: {
  page: number;
  pages: number;
  setPage: (p: number) => void;
}) {
  const { t } = useT();
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('common.page', { page, pages })}>
      <button type="button" onClick={() => setPage(page - 1)} disabled={page <= 1}>
        ‹ {t('common.prev')}
      </button>
      <span aria-live="polite">{t('common.page', { page, pages })}</span>
      <button type="button" onClick={() => setPage(page + 1)} disabled={page >= pages}>
        {t('common.next')} ›
      </button>
    </nav>
  );
}

export function StatusBadge({ status }: { status: string | undefined }) {
  const { t } = useT();
  const s = status ?? 'missing';
  const key = `st.${s}` as 'st.draft';
  return <span className={`badge st-${s}`}>{t(key)}</span>;
}
