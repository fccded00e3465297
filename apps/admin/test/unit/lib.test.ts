import { describe, expect, it } from 'vitest';
import type { PlanSnapshot, SnapshotDiff } from '@sakip/domain';
import {
  blankIndicator,
  describeChange,
  draftChangeKey,
  diffCounts,
  diffRows,
  presentDiff,
  targetText,
} from '../../src/lib/diff';
import { describeError, fieldErrorMap } from '../../src/lib/errors';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatRupiah,
  parseUserNumber,
  toCsv,
} from '../../src/lib/format';
import {
  messageEntry,
  messageKeys,
  pickBilingual,
  translate,
  type MessageKey,
} from '../../src/lib/i18n';
import {
  exportTable,
  filterComparison,
  isNotBuilt,
  parseComparisonRows,
  pendingTotal,
  rankYearOf,
  ranked,
  reasonLabel,
  seriesOf,
  spreadsheetCell,
  targetLabel,
  trendData,
  yearsBetween,
} from '../../src/lib/comparison';
import { aggregateStatus } from '../../src/lib/status';
import {
  downloadErrorMessage,
  fetchReport,
  EMPTY_FINALISE,
  fileNameFromDisposition,
  finaliseInput,
  formatBytes,
  hasPendingJobs,
  jobPhase,
  stateKey,
  toHex,
} from '../../src/lib/reports';
import { isApiPath } from '../../src/server/serve';

describe('i18n', () => {
  it('defaults to Indonesian, toggles to English and fills placeholders', () => {
    expect(translate('id', 'login.title')).toBe('Masuk');
    expect(translate('en', 'login.title')).toBe('Sign in');
    expect(translate('id', 'common.page', { page: 2, pages: 5 })).toBe('Halaman 2 dari 5');
    expect(translate('en', 'tl.changes', { n: 3 })).toBe('3 changes');
  });
  it('has both languages for every key', () => {
    for (const k of messageKeys()) {
      const e = messageEntry(k);
      expect(e.id.length, k).toBeGreaterThan(0);
      expect(e.en.length, k).toBeGreaterThan(0);
    }
  });
  it('picks one half of a bilingual server message', () => {
    expect(pickBilingual('id', 'Nomor SK wajib diisi / decree number required')).toBe(
      'Nomor SK wajib diisi',
    );
    expect(pickBilingual('en', 'Nomor SK wajib diisi / decree number required')).toBe(
      'decree number required',
    );
    expect(pickBilingual('en', 'x', 'ID', 'EN')).toBe('EN');
  });
});

describe('rupiah', () => {
  it('formats budgets exactly as Indonesian rupiah', () => {
    expect(formatRupiah('1250000000', 'id')).toBe('Rp 1.250.000.000');
    expect(formatRupiah('1250000000.50', 'id')).toBe('Rp 1.250.000.000,50');
    expect(formatRupiah('1250000000', 'en')).toBe('Rp 1,250,000,000');
    expect(formatRupiah('-5000', 'id')).toBe('-Rp 5.000');
    expect(formatRupiah(null, 'id')).toBe('–');
  });
});

describe('Indonesian number formatting', () => {
  it('formats exactly with thousands dots and a decimal comma', () => {
    expect(formatNumber('1200.87', 'id')).toBe('1.200,87');
    expect(formatNumber('1200.875', 'id')).toBe('1.200,875'); // stored digits are all shown
    expect(formatNumber('1200.875', 'id', 2)).toBe('1.200,88');
    expect(formatNumber('1200.87', 'en')).toBe('1,200.87');
    expect(formatNumber('33.3333333', 'id', 2)).toBe('33,33');
    expect(formatNumber('99.999', 'id', 2)).toBe('100');
    expect(formatNumber('-0.001', 'id', 2)).toBe('0');
    expect(formatNumber('1234567', 'id')).toBe('1.234.567');
    expect(formatNumber('32', 'id')).toBe('32');
    expect(formatNumber(null, 'id')).toBe('–');
    expect(formatNumber('887.4321', 'id', null)).toBe('887,4321');
    expect(formatPercent('104.1666', 'id')).toBe('104,17%');
  });
  it('reads what people type the way the importer reads a cell', () => {
    expect(parseUserNumber('1.200,87')).toBe('1200.87');
    expect(parseUserNumber('32,5')).toBe('32.5');
    expect(parseUserNumber('32.5')).toBe('32.5');
    expect(parseUserNumber('1.200')).toBe('1200');
    expect(parseUserNumber('0.500')).toBe('0.5');
    // English grouping is refused like in a template cell, never guessed.
    expect(parseUserNumber('1,200.5')).toBeNull();
    expect(parseUserNumber('abc')).toBeNull();
  });
  it('formats dates the Indonesian way', () => {
    expect(formatDate('2023-01-04', 'id')).toBe('4 Januari 2023');
    expect(formatDate('2023-01-04', 'en')).toBe('4 January 2023');
  });
  it('writes CSV with quoting', () => {
    expect(
      toCsv([
        ['a', 'b,c', null],
        [1, 'x"y', 2],
      ]),
    ).toBe('a,"b,c",\r\n1,"x""y",2');
  });
});

const snap = (indicators: PlanSnapshot['indicators']): PlanSnapshot => ({
  periodStart: 2023,
  periodEnd: 2026,
  decreeIds: [],
  elements: {},
  indicators,
});
const ind = (code: string, name: string, targets: [number, string][]) => ({
  ...blankIndicator(code),
  name,
  satuan: '%',
  targets: targets.map(([year, value]) => ({ year, value })),
});

describe('diff presentation', () => {
  it('lists added, removed, renamed and target old → new in that order', () => {
    const before = snap({
      A: ind('A', 'Alpha', [[2025, '33']]),
      B: ind('B', 'Beta', [[2025, '1']]),
      C: ind('C', 'Gamma', []),
    });
    const after = snap({
      A: ind('A', 'Alpha', [[2025, '35']]),
      C: ind('C', 'Gamma baru', []),
      D: ind('D', 'Delta', [[2025, '1200.5']]),
    });
    const rows = diffRows(before, after, 'id');
    expect(rows.map((r) => r.kind)).toEqual(['added', 'removed', 'renamed', 'target']);
    expect(rows[0]).toMatchObject({ code: 'D', to: '2025: 1.200,5' });
    expect(rows[3]).toMatchObject({ code: 'A', year: 2025, from: '33', to: '35' });
    expect(diffCounts(rows)).toEqual({ added: 1, removed: 1, renamed: 1, target: 1, other: 0 });
  });
  it('shows qualitative and range targets', () => {
    expect(targetText({ year: 2024, value: null, text: 'Nilai BB' }, 'id')).toBe('Nilai BB');
    expect(targetText({ year: 2024, value: null, min: '10', max: '12.5' }, 'id')).toBe('10 – 12,5');
    expect(targetText(null, 'id')).toBe('–');
  });
  it('presents other field changes', () => {
    const d: SnapshotDiff = {
      added: [],
      removed: [],
      renamed: [],
      targetChanged: [],
      otherChanged: [{ code: 'X', fields: ['satuan', 'formula'] }],
    };
    expect(presentDiff(d, 'en')).toEqual([
      { kind: 'other', code: 'X', name: '', year: null, from: '', to: 'satuan, formula' },
    ]);
  });
  it('keys and describes draft changes the way plans.withdrawChange expects', () => {
    expect(
      draftChangeKey({ kind: 'indicator', indicator: ind('IKU-1', 'Alpha', [[2025, '35']]) }),
    ).toBe('indicator:IKU-1');
    expect(draftChangeKey({ kind: 'retire', code: 'IKU-2', reason: 'tidak relevan' })).toBe(
      'indicator:IKU-2',
    );
    expect(
      draftChangeKey({
        kind: 'element',
        element: { code: 'P1', level: 'program', name: 'Program', parentCode: null },
      }),
    ).toBe('element:P1');
    expect(
      describeChange({ kind: 'indicator', indicator: ind('IKU-1', 'Alpha', [[2025, '35']]) }, 'id'),
    ).toEqual({ kind: 'Indikator', code: 'IKU-1', text: 'Alpha (2025: 35)' });
    expect(
      describeChange({ kind: 'retire', code: 'IKU-2', reason: 'tidak relevan' }, 'en'),
    ).toMatchObject({ kind: 'Retire', text: 'tidak relevan' });
  });
});

describe('errors', () => {
  it('turns CONFLICT into "someone else changed this" and keeps field errors by path', () => {
    const p = describeError(
      {
        name: 'TRPCClientError',
        message: 'x',
        data: {
          code: 'CONFLICT',
          fieldErrors: [],
          messageId: 'Data ini baru saja diubah orang lain; muat ulang lalu coba lagi',
          messageEn: 'Someone else changed this',
          correlationId: 'c-1',
        },
      },
      'id',
    );
    expect(p.message).toMatch(/diubah orang lain/);
    expect(p.correlationId).toBe('c-1');
    const f = describeError(
      {
        name: 'TRPCClientError',
        message: 'bad',
        data: {
          code: 'BAD_REQUEST',
          fieldErrors: [
            { path: ['info', 'number'], message: 'Nomor SK wajib diisi / decree number required' },
          ],
        },
      },
      'en',
    );
    expect(fieldErrorMap(f.fieldErrors)).toEqual({ 'info.number': 'decree number required' });
    expect(
      describeError({ name: 'TRPCClientError', message: 'no', data: { code: 'FORBIDDEN' } }, 'id')
        .message,
    ).toMatch(/tidak berwenang/);
  });
});

describe('submission status', () => {
  it('aggregates IKU statuses per period, with late after the grace period', () => {
    const today = new Date(Date.UTC(2025, 0, 15));
    expect(aggregateStatus(['verified', 'verified'], 2024, 'TW1', today)).toBe('verified');
    expect(aggregateStatus(['verified', undefined], 2024, 'TW1', today)).toBe('submitted');
    expect(aggregateStatus([undefined, undefined], 2024, 'TW1', today)).toBe('late');
    expect(aggregateStatus([undefined], 2024, 'YEAR', today)).toBe('missing');
    expect(aggregateStatus(['draft'], 2024, 'YEAR', today)).toBe('draft');
  });
});

describe('reports page helpers', () => {
  it('groups BullMQ states into queued / active / completed / failed', () => {
    expect(
      ['waiting', 'delayed', 'prioritized', 'waiting-children', 'unknown'].map(jobPhase),
    ).toEqual(['queued', 'queued', 'queued', 'queued', 'queued']);
    expect(jobPhase('active')).toBe('active');
    expect(jobPhase('failed')).toBe('failed');
    expect(hasPendingJobs([{ state: 'completed' }, { state: 'failed' }])).toBe(false);
    expect(hasPendingJobs([{ state: 'completed' }, { state: 'delayed' }])).toBe(true);
    expect(translate('id', stateKey('delayed'))).toBe('menunggu percobaan ulang');
    expect(translate('en', stateKey('waiting'))).toBe('waiting');
  });
  it('formats sizes and reads the file name from content-disposition', () => {
    expect(formatBytes(512, 'id')).toBe('512 B');
    expect(formatBytes(1536, 'id')).toBe('1,5 KB');
    expect(formatBytes(3 * 1024 * 1024, 'en')).toBe('3 MB');
    expect(formatBytes(null)).toBe('–');
    expect(
      fileNameFromDisposition('attachment; filename="LKjIP-18.04-DISKOPERINDAG-2024-p12.pdf"'),
    ).toBe('LKjIP-18.04-DISKOPERINDAG-2024-p12.pdf');
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''laporan%20kinerja.pdf")).toBe(
      'laporan kinerja.pdf',
    );
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"')).toBe(
      '.._.._etc_passwd',
    );
    expect(fileNameFromDisposition(null)).toBeNull();
  });
  it('says why a download failed, in the chosen language', () => {
    expect(
      downloadErrorMessage(
        404,
        JSON.stringify({ message: 'Laporan tidak ditemukan / report not found' }),
        'en',
      ),
    ).toBe('report not found');
    expect(
      downloadErrorMessage(
        403,
        JSON.stringify({
          message: 'Anda tidak berwenang membaca laporan ini / you may not read this report',
        }),
        'id',
      ),
    ).toMatch(/^Anda tidak berwenang melakukan ini.* — Anda tidak berwenang membaca laporan ini$/);
    expect(downloadErrorMessage(502, 'oops', 'id')).toBe('Server tidak dapat dihubungi.');
  });
  it('fetches with the bearer token and refuses bytes whose sha256 differs from the record', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7 test');
    const sha = toHex(await crypto.subtle.digest('SHA-256', bytes));
    let auth: string | null = null;
    const fake = (async (_url: string, init?: RequestInit) => {
      auth = new Headers(init?.headers).get('authorization');
      return new Response(bytes, {
        headers: {
          'content-type': 'application/pdf',
          'content-disposition': 'attachment; filename="a.pdf"',
          'x-content-sha256': sha,
        },
      });
    }) as typeof fetch;
    const got = await fetchReport('id-1', 'tok', sha, 'fallback.pdf', 'id', fake);
    expect(auth).toBe('Bearer tok');
    expect(got).toMatchObject({ fileName: 'a.pdf', sha256: sha, verified: true });
    expect(new Uint8Array(await got.blob.arrayBuffer())).toEqual(bytes);
    await expect(
      fetchReport('id-1', 'tok', 'f'.repeat(64), 'fallback.pdf', 'en', fake),
    ).rejects.toThrow(/does not match/);
    const missing = (async () =>
      new Response(JSON.stringify({ message: 'Laporan tidak ditemukan / report not found' }), {
        status: 404,
      })) as typeof fetch;
    await expect(fetchReport('x', 'tok', null, 'f.pdf', 'id', missing)).rejects.toMatchObject({
      status: 404,
      message: 'Laporan tidak ditemukan',
    });
  });
  it('proxies only the API paths', () => {
    expect(['/trpc/auth.me', '/trpc', '/health', '/reports/0b6f…'].map(isApiPath)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['/laporan', '/reports', '/trpcx', '/assets/index.js'].map(isApiPath)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('report finalisation form', () => {
  it('needs a date; place and signer may keep their defaults', () => {
    expect(finaliseInput(EMPTY_FINALISE)).toEqual({
      ok: false,
      errors: { date: 'rep.fin.dateRequired' },
    });
    expect(finaliseInput({ ...EMPTY_FINALISE, date: '2025-02-14' })).toEqual({
      ok: true,
      value: { date: '2025-02-14' },
    });
  });

  it('sends the chosen place and signer, trimmed, the NIP without spaces', () => {
    expect(
      finaliseInput({
        date: '2025-02-14',
        place: ' Liwa ',
        signerName: ' Dra. Sri Wahyuni ',
        signerPosition: 'Plt. Kepala Dinas',
        signerNip: '19720315 199803 1 005',
      }),
    ).toEqual({
      ok: true,
      value: {
        date: '2025-02-14',
        place: 'Liwa',
        signer: {
          name: 'Dra. Sri Wahyuni',
          position: 'Plt. Kepala Dinas',
          nip: '197203151998031005',
        },
      },
    });
  });

  it('names the field to fix: a signer needs name and position, an NIP 18 digits', () => {
    expect(
      finaliseInput({ ...EMPTY_FINALISE, date: '2025-02-14', signerName: 'A', signerNip: '123' }),
    ).toEqual({
      ok: false,
      errors: { signerPosition: 'rep.fin.signerTogether', signerNip: 'rep.fin.nip' },
    });
    expect(finaliseInput({ ...EMPTY_FINALISE, date: '14/02/2025' })).toMatchObject({
      ok: false,
      errors: { date: 'rep.fin.dateRequired' },
    });
  });
});

describe('comparison rows (dashboards.comparison)', () => {
  const base = {
    province_code: '18',
    catalog_code: 'KOP-SEHAT',
    catalog_name: 'Persentase koperasi sehat',
    catalog_satuan: '%',
    target_min: null,
    target_max: null,
    target_text: null,
    realization_source: 'year_entry',
  };
  const raw = [
    {
      ...base,
      region_code: '18.04',
      opd_id: '18.04-DISKOPERINDAG',
      indicator_code: 'IKU-1',
      year: 2024,
      target: '32',
      target_source: 'renstra',
      realization: '33.3333333333',
      capaian: '104.1666666666',
      capaian_display: '104.17',
      capaian_reason: null,
      predikat: 'Sangat Tinggi',
      predikat_code: 'sangat_tinggi',
    },
    {
      ...base,
      region_code: '18.04',
      opd_id: '18.04-DISKOPERINDAG',
      indicator_code: 'IKU-1',
      year: 2025,
      target: '35',
      target_source: 'pk',
      realization: null,
      capaian: null,
      capaian_display: null,
      capaian_reason: 'no_realization',
      predikat: null,
      predikat_code: null,
      pending: 2,
    },
    {
      ...base,
      region_code: '18.71',
      opd_id: '18.71-DISKOP',
      indicator_code: 'IK-3',
      year: 2024,
      target: null,
      target_text: 'Tersedia',
      target_source: 'renstra',
      realization: '20',
      capaian: '62.5',
      capaian_display: '62.50',
      capaian_reason: null,
      predikat: 'Sedang',
      predikat_code: 'sedang',
    },
  ];
  const rows = parseComparisonRows(raw);
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate('id', k, v);

  it('reads the read-model columns, the capaian as displayed', () => {
    expect(rows[0]).toMatchObject({
      opdId: '18.04-DISKOPERINDAG',
      regionCode: '18.04',
      year: 2024,
      target: '32',
      targetSource: 'renstra',
      capaian: '104.17',
      predikat: 'Sangat Tinggi',
    });
    expect(rows[1]).toMatchObject({
      capaian: null,
      capaianReason: 'no_realization',
      targetSource: 'pk',
    });
    expect(targetLabel(rows[2]!)).toBe('Tersedia');
    expect(reasonLabel('no_realization', t)).toBe('Realisasi belum diisi');
  });

  it('filters by region and year range, ranks and draws the trend from the same rows', () => {
    const shown = filterComparison(rows, { region: '', yearFrom: 2023, yearTo: 2025 });
    expect(shown).toHaveLength(3);
    expect(
      filterComparison(rows, { region: '18.71', yearFrom: 2023, yearTo: 2025 }).map((r) => r.opdId),
    ).toEqual(['18.71-DISKOP']);
    expect(filterComparison(rows, { region: '', yearFrom: 2025, yearTo: 2025 })).toHaveLength(1);
    const years = yearsBetween(2023, 2025);
    expect(rankYearOf(shown, years)).toBe(2024);
    expect(ranked(shown, 2024).map((r) => r.opdId)).toEqual([
      '18.04-DISKOPERINDAG',
      '18.71-DISKOP',
    ]);
    const series = seriesOf(shown);
    expect(series.map((s) => s.key)).toEqual(['18.04-DISKOPERINDAG|IKU-1', '18.71-DISKOP|IK-3']);
    expect(trendData(shown, series, years)).toEqual([
      { year: 2023, s0: null, s1: null },
      { year: 2024, s0: 33.3333333333, s1: 20 },
      { year: 2025, s0: null, s1: null },
    ]);
  });

  it('exports exactly the rows shown, in heat-map order', () => {
    const shown = filterComparison(rows, { region: '18.04', yearFrom: 2023, yearTo: 2025 });
    const { header, body } = exportTable(
      shown,
      {
        opdName: () => 'Dinas Koperasi UKM, Perindustrian dan Perdagangan',
        regionName: () => 'Lampung Barat',
      },
      t,
    );
    expect(header.slice(0, 8)).toEqual([
      'OPD',
      'Kabupaten/Kota',
      'Indikator',
      'Tahun',
      'Target',
      'Realisasi',
      'Capaian (%)',
      'Predikat',
    ]);
    expect(body).toHaveLength(2);
    expect(toCsv([header, ...body])).toMatch(/IKU-1,2024,32,33\.33,104\.17,Sangat Tinggi,Renstra/);
    expect(body[1]!.at(-2)).toBe('Realisasi belum diisi');
    expect(header.at(-1)).toBe('Belum diverifikasi');
    expect(body.map((r) => r.at(-1))).toEqual([0, 2]);
    expect(spreadsheetCell('104.17')).toBe(104.17);
    expect(spreadsheetCell('Tersedia')).toBe('Tersedia');
  });

  it('counts the values waiting for verification in the rows shown', () => {
    expect(rows.map((r) => r.pending)).toEqual([0, 2, 0]);
    expect(pendingTotal(rows)).toBe(2);
    expect(
      pendingTotal(filterComparison(rows, { region: '18.71', yearFrom: 2023, yearTo: 2025 })),
    ).toBe(0);
    expect(t('cmp.pending', { n: 2 })).toBe(
      '2 nilai belum diverifikasi: tidak dihitung dalam capaian dan peringkat.',
    );
  });

  it('recognises the "read model not built yet" answer', () => {
    expect(isNotBuilt({ data: { code: 'PRECONDITION_FAILED' } })).toBe(true);
    expect(isNotBuilt({ data: { code: 'FORBIDDEN' } })).toBe(false);
    expect(isNotBuilt(null)).toBe(false);
  });
});
