import { useMemo } from 'react';
import type { SnapshotDiff } from '@sakip/domain';
import { useT } from '../lib/context';
import { diffCounts, diffLabel, presentDiff, type DiffRow } from '../lib/diff';
import { Pager, usePaged } from './ui';

/** Added / removed / renamed / target old → new, as one paged table with counts on top. */
export function DiffTable({ diff, rows: given }: { diff?: SnapshotDiff; rows?: DiffRow[] }) {
  const { t, lang } = useT();
  const rows = useMemo(() => given ?? (diff ? presentDiff(diff, lang) : []), [given, diff, lang]);
  const paged = usePaged(rows, 15);
  const counts = diffCounts(rows);
  if (rows.length === 0) return <p className="muted">{t('diff.empty')}</p>;
  return (
    <div className="diff" data-testid="diff">
      <p className="diff-counts">
        {(Object.keys(counts) as (keyof typeof counts)[])
          .filter((k) => counts[k] > 0)
          .map((k) => (
            <span key={k} className={`badge diff-${k}`}>
              {diffLabel(k, lang)}: {counts[k]}
            </span>
          ))}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('common.kind')}</th>
            <th scope="col">{t('common.code')}</th>
            <th scope="col">{t('common.name')}</th>
            <th scope="col">{t('common.year')}</th>
            <th scope="col">Lama / old</th>
            <th scope="col">Baru / new</th>
          </tr>
        </thead>
        <tbody>
          {paged.slice.map((r, i) => (
            <tr
              key={`${r.kind}-${r.code}-${r.year ?? ''}-${i}`}
              className={`diff-row diff-${r.kind}`}
            >
              <td>{diffLabel(r.kind, lang)}</td>
              <td className="code">{r.code}</td>
              <td>{r.name}</td>
              <td>{r.year ?? '–'}</td>
              <td className="old">{r.from}</td>
              <td className="new">{r.to}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager {...paged} />
    </div>
  );
}
