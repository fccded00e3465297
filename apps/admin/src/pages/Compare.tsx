import { useMemo, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { regionOfOpdId } from '@sakip/domain';
import { api } from '../lib/api';
import { useMe, useT } from '../lib/context';
import { formatNumber, formatPercent, heatColour, predikatClass, toCsv } from '../lib/format';
import { provincesOf } from '../lib/perms';
import { ErrorBox, Loading, Notice, SelectField } from '../components/ui';
import { flattenOpds } from './ProvinceStatus';

const COLOURS = ['#1f6feb', '#d9480f', '#2b8a3e', '#862e9c', '#c92a2a', '#0b7285', '#5f3dc4', '#e67700'];

export interface CompareRow {
  opdId: string;
  opdName: string;
  region: string;
  indicatorCode: string;
  year: number;
  target: string | null;
  realization: string | null;
  capaian: string | null;
  predikat: string | null;
  predikatCode: string | null;
}

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in Chromium; give it a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export default function Compare() {
  const { t, lang } = useT();
  const me = useMe();
  const now = new Date().getFullYear();
  const tree = useQuery({ queryKey: ['org.tree'], queryFn: () => api.org.tree.query() });
  const allowed = provincesOf(me.bindings);
  const provinces = (tree.data ?? []).filter((p) => allowed === 'all' || allowed.includes(p.code));
  const [province, setProvince] = useState('');
  const prov = province || provinces[0]?.code || '';
  const catalog = useQuery({ queryKey: ['catalog.list', prov], queryFn: () => api.catalog.list.query({ provinceCode: prov }), enabled: !!prov });
  const [code, setCode] = useState('');
  const cat = code || catalog.data?.indicators[0]?.code || '';
  const [region, setRegion] = useState('');
  const [yearFrom, setYearFrom] = useState(now - 3);
  const [yearTo, setYearTo] = useState(now - 1);
  const opdNames = useMemo(() => new Map(flattenOpds(tree.data ?? []).map((o) => [o.opdId, o] as const)), [tree.data]);
  const mappings = (catalog.data?.mappings ?? []).filter((m) => m.catalogCode === cat && (!region || regionOfOpdId(m.opdId) === region));
  const years = Array.from({ length: Math.max(0, yearTo - yearFrom + 1) }, (_, k) => yearFrom + k);
  const pairs = mappings.flatMap((m) => years.map((y) => ({ m, y })));
  const results = useQueries({ queries: pairs.map(({ m, y }) => ({ queryKey: ['realizations.achievement', m.opdId, y], queryFn: () => api.realizations.achievement.query({ opdId: m.opdId, year: y }), retry: false })) });
  const rows: CompareRow[] = pairs.map(({ m, y }, i) => {
    const ind = results[i]?.data?.indicators.find((x) => x.indicator.code === m.indicatorCode);
    const yr = ind?.achievement.year;
    return {
      opdId: m.opdId,
      opdName: opdNames.get(m.opdId)?.name ?? m.opdId,
      region: opdNames.get(m.opdId)?.regionName ?? regionOfOpdId(m.opdId),
      indicatorCode: m.indicatorCode,
      year: y,
      target: ind?.target.value ?? null,
      realization: yr?.basis ?? yr?.realization ?? null,
      capaian: yr?.capaian.computable ? (yr.display ?? null) : null,
      predikat: yr?.predikat?.label ?? null,
      predikatCode: yr?.predikat?.code ?? null,
    };
  });
  const loading = results.some((r) => r.isLoading);
  // Rank on the latest year of the range that has any capaian (the current year is often empty).
  const rankYear = [...years].reverse().find((y) => rows.some((r) => r.year === y && r.capaian !== null)) ?? yearTo;
  const ranked = rows.filter((r) => r.year === rankYear).sort((a, b) => Number(b.capaian ?? -1e9) - Number(a.capaian ?? -1e9));
  const label = (r: CompareRow) => `${r.region} · ${r.opdName}`;
  const trend = years.map((y) => Object.fromEntries([['year', y], ...mappings.map((m) => [m.opdId, (() => { const r = rows.find((x) => x.opdId === m.opdId && x.year === y); return r?.realization ? Number(r.realization) : null; })()])]));
  const regions = [...new Set((catalog.data?.mappings ?? []).map((m) => regionOfOpdId(m.opdId)))];
  const header = ['OPD', t('common.region'), t('common.indicator'), t('common.year'), t('common.target'), t('common.realization'), `${t('common.capaian')} (%)`, t('common.predikat')];
  const table = rows.map((r) => [r.opdName, r.region, r.indicatorCode, r.year, r.target, r.realization, r.capaian, r.predikat]);

  async function exportXlsx() {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(cat.slice(0, 31) || 'data');
    ws.addRow(header);
    ws.getRow(1).font = { bold: true };
    for (const r of rows) ws.addRow([r.opdName, r.region, r.indicatorCode, r.year, r.target === null ? null : Number(r.target), r.realization === null ? null : Number(r.realization), r.capaian === null ? null : Number(r.capaian), r.predikat]);
    ws.columns.forEach((c) => (c.width = 18));
    const buf = await wb.xlsx.writeBuffer();
    download(`perbandingan-${cat}-${yearFrom}-${yearTo}.xlsx`, new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  }

  return (
    <section>
      <h1>{t('cmp.title')}</h1>
      <ErrorBox error={tree.error ?? catalog.error} />
      <div className="card filters">
        <div className="form-grid">
          <SelectField label={t('common.province')} value={prov} onChange={(e) => (setProvince(e.target.value), setCode(''), setRegion(''))}>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.code} · {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('cmp.catalog')} value={cat} onChange={(e) => setCode(e.target.value)}>
            {(catalog.data?.indicators ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} · {c.name} ({c.satuan})
              </option>
            ))}
          </SelectField>
          <SelectField label={t('common.region')} value={region} onChange={(e) => setRegion(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('cmp.yearFrom')} value={String(yearFrom)} onChange={(e) => setYearFrom(Number(e.target.value))}>
            {Array.from({ length: 8 }, (_, k) => now - 6 + k).map((y) => (
              <option key={y}>{y}</option>
            ))}
          </SelectField>
          <SelectField label={t('cmp.yearTo')} value={String(yearTo)} onChange={(e) => setYearTo(Number(e.target.value))}>
            {Array.from({ length: 8 }, (_, k) => now - 6 + k).map((y) => (
              <option key={y}>{y}</option>
            ))}
          </SelectField>
        </div>
        <div className="row">
          <button type="button" disabled={rows.length === 0} onClick={() => download(`perbandingan-${cat}-${yearFrom}-${yearTo}.csv`, new Blob(['\ufeff' + toCsv([header, ...table])], { type: 'text/csv;charset=utf-8' }))}>
            {t('cmp.exportCsv')}
          </button>
          <button type="button" disabled={rows.length === 0} onClick={exportXlsx}>
            {t('cmp.exportXlsx')}
          </button>
        </div>
      </div>
      {catalog.isLoading && <Loading />}
      {catalog.data && catalog.data.indicators.length === 0 && <Notice kind="warn">{t('cmp.noCatalog')}</Notice>}
      {catalog.data && cat && mappings.length === 0 && <Notice kind="warn">{t('cmp.noMappings')}</Notice>}
      {loading && <Loading />}
      {mappings.length > 0 && (
        <>
          <div className="grid-2">
            <div className="card">
              <h2>{t('cmp.ranked', { year: rankYear })}</h2>
              <div className="chart" role="img" aria-label={t('cmp.ranked', { year: rankYear })}>
                <ResponsiveContainer width="100%" height={Math.max(160, ranked.length * 44)}>
                  <BarChart layout="vertical" data={ranked.map((r) => ({ name: label(r), capaian: r.capaian === null ? null : Number(r.capaian) }))} margin={{ left: 8, right: 16 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis type="number" tickFormatter={(v: number) => formatNumber(v, lang, 0)} />
                    <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 11 }} />
                    <Tooltip formatter={(v) => formatPercent(v as number, lang)} />
                    <Bar isAnimationActive={false} dataKey="capaian" name={`${t('common.capaian')} (%)`} fill="#1f6feb" />
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
                    <Tooltip formatter={(v) => formatNumber(v as number, lang)} />
                    <Legend />
                    {mappings.map((m, i) => (
                      <Line isAnimationActive={false} key={m.opdId} type="monotone" dataKey={m.opdId} name={opdNames.get(m.opdId)?.regionName ?? m.opdId} stroke={COLOURS[i % COLOURS.length]} connectNulls />
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
                  {mappings.map((m) => (
                    <tr key={m.opdId + m.indicatorCode}>
                      <th scope="row">
                        {opdNames.get(m.opdId)?.regionName ?? m.opdId} · <span className="small">{m.indicatorCode}</span>
                      </th>
                      {years.map((y) => {
                        const r = rows.find((x) => x.opdId === m.opdId && x.year === y);
                        const c = r?.capaian ?? null;
                        return (
                          <td key={y} className="num" style={{ background: heatColour(c === null ? null : Number(c)) }}>
                            {c === null ? '–' : formatPercent(c, lang)}
                            {r?.predikat && <div className={`${predikatClass(r.predikatCode)} small`}>{r.predikat}</div>}
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
