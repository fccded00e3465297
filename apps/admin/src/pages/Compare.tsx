import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { api } from '../lib/api';
import {
  exportTable,
  filterComparison,
  isNotBuilt,
  parseComparisonRows,
  pendingTotal,
  rankYearOf,
  ranked as rankRows,
  reasonLabel,
  rowOf,
  seriesOf,
  seriesPrecision,
  spreadsheetCell,
  targetLabel,
  trendData,
  yearsBetween,
  type ComparisonRow,
  type ComparisonSeries,
} from '../lib/comparison';
import { useMe, useT } from '../lib/context';
import { describeError } from '../lib/errors';
import { formatNumber, formatPercent, heatColour, predikatClass, toCsv } from '../lib/format';
import { provincesOf } from '../lib/perms';
import { ErrorBox, Loading, Notice, SelectField } from '../components/ui';
import { flattenOpds } from './ProvinceStatus';

const COLOURS = [
  '#1f6feb',
  '#d9480f',
  '#2b8a3e',
  '#862e9c',
  '#c92a2a',
  '#0b7285',
  '#5f3dc4',
  '#e67700',
];
/** Columns of the export that hold decimals (target, realization, capaian): numbers in the XLSX. */
const DECIMAL_COLUMNS = new Set([4, 5, 6]);

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in Chromium; give it a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A catalog indicator across the OPDs and kabupaten of a province, from the comparison read
 * model (one query, whatever the size of the province): ranking, region × year heat map,
 * realization trend, CSV/XLSX of exactly the rows shown.
 */
export default function Compare() {
  const { t, lang } = useT();
  const me = useMe();
  const now = new Date().getFullYear();
  const tree = useQuery({ queryKey: ['org.tree'], queryFn: () => api.org.tree.query() });
  const allowed = provincesOf(me.bindings);
  const provinces = (tree.data ?? []).filter((p) => allowed === 'all' || allowed.includes(p.code));
  const [province, setProvince] = useState('');
  const prov = province || provinces[0]?.code || '';
  const catalog = useQuery({
    queryKey: ['catalog.list', prov],
    queryFn: () => api.catalog.list.query({ provinceCode: prov }),
    enabled: !!prov,
  });
  const [code, setCode] = useState('');
  const cat = code || catalog.data?.indicators[0]?.code || '';
  const [region, setRegion] = useState('');
  const [yearFrom, setYearFrom] = useState(now - 3);
  const [yearTo, setYearTo] = useState(now - 1);
  const comparison = useQuery({
    queryKey: ['dashboards.comparison', prov, cat],
    queryFn: () => api.dashboards.comparison.query({ provinceCode: prov, catalogCode: cat }),
    enabled: !!prov && !!cat,
    // Until the projector has built the read model, look again now and then.
    refetchInterval: (q) => (isNotBuilt(q.state.error) ? 15_000 : false),
  });
  const all = useMemo(() => parseComparisonRows(comparison.data ?? []), [comparison.data]);
  const opds = useMemo(
    () => new Map(flattenOpds(tree.data ?? []).map((o) => [o.opdId, o] as const)),
    [tree.data],
  );
  const regionNames = useMemo(
    () => new Map(flattenOpds(tree.data ?? []).map((o) => [o.regionCode, o.regionName] as const)),
    [tree.data],
  );
  const opdName = (opdId: string) => opds.get(opdId)?.name ?? opdId;
  const regionName = (regionCode: string, opdId?: string) =>
    (opdId ? opds.get(opdId)?.regionName : undefined) ?? regionNames.get(regionCode) ?? regionCode;
  const regions = [...new Set(all.map((r) => r.regionCode))].sort();
  const years = yearsBetween(yearFrom, yearTo);
  // What the page shows, and all that the exports write.
  const rows = filterComparison(all, { region, yearFrom, yearTo });
  const series = seriesOf(rows);
  const rankYear = rankYearOf(rows, years);
  const ranking = rankRows(rows, rankYear);
  const trend = trendData(rows, series, years);
  const precision = seriesPrecision(rows);
  const pending = pendingTotal(rows);
  const label = (r: ComparisonRow) => `${regionName(r.regionCode, r.opdId)} · ${opdName(r.opdId)}`;
  const seriesLabel = (s: ComparisonSeries) =>
    `${regionName(s.regionCode, s.opdId)} · ${s.indicatorCode}`;
  const names = {
    opdName,
    regionName: (regionCode: string, opdId: string) => regionName(regionCode, opdId),
  };
  const catalogInfo = all[0] ?? null;
  const notBuilt = isNotBuilt(comparison.error);
  const fileBase = `perbandingan-${cat}-${yearFrom}-${yearTo}`;

  function exportCsv() {
    const { header, body } = exportTable(rows, names, t);
    download(
      `${fileBase}.csv`,
      new Blob(['\ufeff' + toCsv([header, ...body])], { type: 'text/csv;charset=utf-8' }),
    );
  }

  async function exportXlsx() {
    const { header, body } = exportTable(rows, names, t);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(cat.slice(0, 31) || 'data');
    ws.addRow(header);
    ws.getRow(1).font = { bold: true };
    for (const r of body)
      ws.addRow(r.map((v, i) => (DECIMAL_COLUMNS.has(i) ? spreadsheetCell(v) : v)));
    ws.columns.forEach((c) => (c.width = 18));
    const buf = await wb.xlsx.writeBuffer();
    download(
      `${fileBase}.xlsx`,
      new Blob([buf], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    );
  }

  return (
    <section>
      <h1>{t('cmp.title')}</h1>
      <ErrorBox error={tree.error ?? catalog.error ?? (notBuilt ? null : comparison.error)} />
      <div className="card filters">
        <div className="form-grid">
          <SelectField
            label={t('common.province')}
            value={prov}
            onChange={(e) => (setProvince(e.target.value), setCode(''), setRegion(''))}
          >
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.code} · {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('cmp.catalog')}
            value={cat}
            onChange={(e) => (setCode(e.target.value), setRegion(''))}
          >
            {(catalog.data?.indicators ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} · {c.name} ({c.satuan})
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('common.region')}
            value={region}
            onChange={(e) => setRegion(e.target.value)}
          >
            <option value="">{t('common.all')}</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r} · {regionName(r)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('cmp.yearFrom')}
            value={String(yearFrom)}
            onChange={(e) => setYearFrom(Number(e.target.value))}
          >
            {Array.from({ length: 8 }, (_, k) => now - 6 + k).map((y) => (
              <option key={y}>{y}</option>
            ))}
          </SelectField>
          <SelectField
            label={t('cmp.yearTo')}
            value={String(yearTo)}
            onChange={(e) => setYearTo(Number(e.target.value))}
          >
            {Array.from({ length: 8 }, (_, k) => now - 6 + k).map((y) => (
              <option key={y}>{y}</option>
            ))}
          </SelectField>
        </div>
        <div className="row">
          <button type="button" disabled={rows.length === 0} onClick={exportCsv}>
            {t('cmp.exportCsv')}
          </button>
          <button type="button" disabled={rows.length === 0} onClick={() => void exportXlsx()}>
            {t('cmp.exportXlsx')}
          </button>
          {catalogInfo && (
            <span className="muted small" data-testid="cmp-summary">
              {t('cmp.summary', {
                catalog: `${catalogInfo.catalogCode} · ${catalogInfo.catalogName ?? ''}${catalogInfo.catalogSatuan ? ` (${catalogInfo.catalogSatuan})` : ''}`,
                rows: rows.length,
                series: series.length,
                years: `${yearFrom}–${yearTo}`,
              })}
            </span>
          )}
        </div>
      </div>
      {(catalog.isLoading || comparison.isLoading) && <Loading />}
      {notBuilt && (
        <div data-testid="cmp-not-built">
          <Notice kind="warn">
            <strong>{t('cmp.notBuilt')}</strong> — {describeError(comparison.error, lang).message}
          </Notice>
        </div>
      )}
      {catalog.data && catalog.data.indicators.length === 0 && (
        <Notice kind="warn">{t('cmp.noCatalog')}</Notice>
      )}
      {comparison.data && all.length === 0 && <Notice kind="warn">{t('cmp.noRows')}</Notice>}
      {all.length > 0 && (
        <>
          {pending > 0 && (
            <Notice kind="warn">
              <span data-testid="cmp-pending">{t('cmp.pending', { n: pending })}</span>
            </Notice>
          )}
          <div className="grid-2">
            <div className="card">
              <h2>{t('cmp.ranked', { year: rankYear ?? '–' })}</h2>
              <div
                className="chart"
                role="img"
                aria-label={t('cmp.ranked', { year: rankYear ?? '–' })}
              >
                <ResponsiveContainer width="100%" height={Math.max(160, ranking.length * 44)}>
                  <BarChart
                    layout="vertical"
                    data={ranking.map((r) => ({
                      name: label(r),
                      capaian: r.capaian === null ? null : Number(r.capaian),
                    }))}
                    margin={{ left: 8, right: 16 }}
                  >
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis type="number" tickFormatter={(v: number) => formatNumber(v, lang, 0)} />
                    <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 11 }} />
                    <Tooltip formatter={(v) => formatPercent(v as number, lang)} />
                    <Bar
                      isAnimationActive={false}
                      dataKey="capaian"
                      name={`${t('common.capaian')} (%)`}
                      fill="#1f6feb"
                    />
                  </BarChart>
                </ResponsiveContainer>
              </div>
            </div>
            <div className="card">
              <h2>{t('cmp.trend')}</h2>
              <div className="chart" role="img" aria-label={t('cmp.trend')}>
                <ResponsiveContainer width="100%" height={260}>
                  <LineChart data={trend}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="year" />
                    <YAxis tickFormatter={(v: number) => formatNumber(v, lang, 0)} />
                    <Tooltip formatter={(v) => formatNumber(v as number, lang, 2)} />
                    <Legend />
                    {series.map((s, i) => (
                      <Line
                        isAnimationActive={false}
                        key={s.key}
                        type="monotone"
                        dataKey={`s${i}`}
                        name={seriesLabel(s)}
                        stroke={COLOURS[i % COLOURS.length]}
                        connectNulls
                      />
                    ))}
                  </LineChart>
                </ResponsiveContainer>
              </div>
            </div>
          </div>
          <div className="card">
            <h2>{t('cmp.heat')}</h2>
            <div className="table-scroll">
              <table className="heat" data-testid="heatmap">
                <thead>
                  <tr>
                    <th scope="col">{t('common.region')} · OPD</th>
                    {years.map((y) => (
                      <th key={y} scope="col" className="num">
                        {y}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {series.map((s) => (
                    <tr key={s.key} data-key={s.key}>
                      <th scope="row" title={opdName(s.opdId)}>
                        {regionName(s.regionCode, s.opdId)} ·{' '}
                        <span className="small">{s.indicatorCode}</span>
                      </th>
                      {years.map((y) => {
                        const r = rowOf(rows, s, y);
                        const c = r?.capaian ?? null;
                        const target = r ? targetLabel(r) : null;
                        const why = r ? reasonLabel(r.capaianReason, t) : null;
                        const title = r
                          ? [
                              `${t('common.target')} ${formatNumber(target, lang, null)}${r.targetSource ? ` (${r.targetSource === 'pk' ? 'PK' : 'Renstra'})` : ''}`,
                              `${t('common.realization')} ${formatNumber(r.realization, lang, precision.get(s.key) ?? 2)}`,
                              why,
                              r.pending > 0 ? t('cmp.pendingCell', { n: r.pending }) : null,
                            ]
                              .filter(Boolean)
                              .join(' · ')
                          : undefined;
                        return (
                          <td
                            key={y}
                            className="num"
                            style={{ background: heatColour(c === null ? null : Number(c)) }}
                            title={title}
                          >
                            {c === null ? '–' : formatPercent(c, lang)}
                            {r?.predikat && (
                              <div className={`${predikatClass(r.predikatCode)} small`}>
                                {r.predikat}
                              </div>
                            )}
                            {r && r.pending > 0 && (
                              <div className="small warn">
                                {t('cmp.pendingCell', { n: r.pending })}
                              </div>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
