import { isOpdId } from '@sakip/domain';
import { parseFormulaText } from './formula-syntax';
import type {
  DataPeriod,
  DecreeInfo,
  DecreeKind,
  ElementLevel,
  Indicator,
  IndicatorKind,
  PlanElement,
  Polarity,
  RollupRule,
  Target,
} from './plan-types';
import { INDIKATOR, RENSTRA, RETIRE, SK_KEYS, TARGET_COLUMN } from './templates';
import { KeyValueSheet, Problems, Progress, Table, UniqueKeys } from './table';
import type { Retirement, SkDocument, SourceRef } from './types';
import {
  isPercentSatuan,
  parseDateCell,
  parseEnumCell,
  parseNumberCell,
  parseTargetCell,
  parseYearCell,
  PERCENT_MISMATCH,
  cellText,
} from './values';
import type { SheetData } from './workbook';

export const ELEMENT_LEVELS: readonly ElementLevel[] = [
  'tujuan',
  'sasaran',
  'program',
  'kegiatan',
  'sub_kegiatan',
];
const LEVEL_MAP: Record<string, ElementLevel> = Object.fromEntries(
  ELEMENT_LEVELS.map((l) => [l, l]),
);
const INDICATOR_KIND_MAP: Record<string, IndicatorKind> = {
  iku: 'iku',
  iki: 'iki',
  program: 'program',
  kegiatan: 'kegiatan',
  sub_kegiatan: 'sub_kegiatan',
};
const DECREE_KIND_MAP: Record<string, DecreeKind> = {
  penetapan: 'penetapan',
  perubahan: 'perubahan',
};
export const POLARITY_MAP: Record<string, Polarity> = {
  naik: 'higher_better',
  turun: 'lower_better',
  rentang: 'range',
  higher_better: 'higher_better',
  lower_better: 'lower_better',
  range: 'range',
};
/** Which Renstra level each indicator kind may measure (as in the domain's plan rules). */
const KIND_LEVELS: Record<IndicatorKind, readonly ElementLevel[]> = {
  iku: ['tujuan', 'sasaran'],
  iki: ELEMENT_LEVELS,
  program: ['program'],
  kegiatan: ['kegiatan'],
  sub_kegiatan: ['sub_kegiatan'],
};
const PERIOD_MAP: Record<string, DataPeriod> = {
  tahunan: 'yearly',
  triwulanan: 'quarterly',
  yearly: 'yearly',
  quarterly: 'quarterly',
};
const ROLLUP_MAP: Record<string, RollupRule> = {
  jumlah: 'sum',
  terakhir: 'last',
  rata_rata: 'average',
  ratarata: 'average',
  sum: 'sum',
  last: 'last',
  average: 'average',
};

const stripNumbering = (s: string) => s.replace(/^(\d{1,2}|[a-z])[.)]\s+/i, '').trim();

export function parseSk(
  sheets: Map<string, SheetData>,
  problems: Problems,
  progress: Progress,
): SkDocument | null {
  const skSheet = sheets.get('sk');
  const renstraSheet = sheets.get('renstra');
  const indikatorSheet = sheets.get('indikator');
  if (!skSheet || !renstraSheet || !indikatorSheet) return null;

  // --- SK ---------------------------------------------------------------------------------
  const kv = new KeyValueSheet(skSheet, SK_KEYS, ['dasar_hukum'], problems);
  const opdId = kv.required('id_opd');
  if (opdId !== null && !isOpdId(opdId)) {
    kv.problem(
      'id_opd',
      `ID OPD '${opdId}' tidak valid (format 18.04-DISKOPERINDAG) / invalid OPD id '${opdId}' (format 18.04-DISKOPERINDAG)`,
    );
  }
  const number = kv.required('nomor');
  const title = kv.required('judul');
  const date = kv.parse('tanggal', parseDateCell);
  const place = kv.required('tempat');
  const signerName = kv.required('penandatangan');
  const signerPosition = kv.required('jabatan_penandatangan');
  const nip = kv.parseIfPresent('nip', (c) => {
    const t = cellText(c).replace(/\s/g, '');
    return /^\d{18}$/.test(t)
      ? { ok: true, value: t }
      : { ok: false, message: `NIP harus 18 angka: '${cellText(c)}' / NIP must be 18 digits` };
  });
  const kind = kv.parse('jenis', (c) =>
    parseEnumCell(c, DECREE_KIND_MAP, ['penetapan', 'perubahan']),
  );
  const periodStart = kv.parse('periode_awal', parseYearCell);
  const periodEnd = kv.parse('periode_akhir', parseYearCell);
  let periodOk = periodStart !== null && periodEnd !== null;
  if (periodStart !== null && periodEnd !== null && periodEnd < periodStart) {
    kv.problem(
      'periode_akhir',
      `Periode akhir ${periodEnd} sebelum periode awal ${periodStart} / period end ${periodEnd} is before period start ${periodStart}`,
    );
    periodOk = false;
  } else if (periodStart !== null && periodEnd !== null && periodEnd - periodStart > 5) {
    kv.problem(
      'periode_akhir',
      `Periode SK paling lama 6 tahun (${periodStart}–${periodEnd}) / a decree period is at most 6 years (${periodStart}–${periodEnd})`,
    );
    periodOk = false;
  }
  const legalBases = kv.all('dasar_hukum').map((v) => stripNumbering(v.text));

  // --- Renstra ----------------------------------------------------------------------------
  const renstra = new Table(renstraSheet, RENSTRA, problems);
  const elements: PlanElement[] = [];
  const elementSources: SourceRef[] = [];
  const elementCodes = new UniqueKeys();
  const parentRefs: { ctxRow: number; code: string; parent: string; level: ElementLevel | null }[] =
    [];
  const levelOf = new Map<string, ElementLevel | null>();
  for (const r of renstra.rows) {
    progress.tick();
    const ctx = renstra.row(r);
    const code = ctx.required('kode');
    const level = ctx.parse('tingkat', (c) => parseEnumCell(c, LEVEL_MAP, ELEMENT_LEVELS));
    const name = ctx.required('nama');
    const parentCode = ctx.optional('kode_induk');
    if (code !== null && elementCodes.check(ctx, code, 'kode', 'kode')) levelOf.set(code, level);
    if (code !== null && parentCode !== null) {
      if (parentCode === code)
        ctx.problem(
          'kode_induk',
          `Elemen tidak boleh menjadi induk dirinya sendiri / an element cannot be its own parent`,
        );
      else parentRefs.push({ ctxRow: r.row, code, parent: parentCode, level });
    }
    if (code !== null && level !== null && name !== null) {
      elements.push({ code, level, name, parentCode });
      elementSources.push(ctx.source);
    }
  }
  const parentOf = new Map<string, string>();
  for (const ref of parentRefs) {
    if (!elementCodes.has(ref.parent)) {
      problems.add(
        renstra.sheet,
        ref.ctxRow,
        'kode_induk',
        `Kode induk '${ref.parent}' tidak ada di sheet Renstra / parent code '${ref.parent}' is not in the Renstra sheet`,
      );
      continue;
    }
    const parentLevel = levelOf.get(ref.parent);
    if (
      ref.level &&
      parentLevel &&
      ELEMENT_LEVELS.indexOf(parentLevel) > ELEMENT_LEVELS.indexOf(ref.level)
    ) {
      problems.add(
        renstra.sheet,
        ref.ctxRow,
        'kode_induk',
        `Induk '${ref.parent}' (${parentLevel}) lebih rendah dari '${ref.code}' (${ref.level}) / parent '${ref.parent}' (${parentLevel}) is below '${ref.code}' (${ref.level})`,
      );
      continue;
    }
    parentOf.set(ref.code, ref.parent);
  }
  for (const ref of parentRefs) {
    const seen = new Set<string>([ref.code]);
    let cur = parentOf.get(ref.code);
    while (cur !== undefined) {
      if (seen.has(cur)) {
        if (cur === ref.code)
          problems.add(
            renstra.sheet,
            ref.ctxRow,
            'kode_induk',
            `Hubungan induk berputar (siklus) lewat '${ref.code}' / parent chain of '${ref.code}' is a cycle`,
          );
        break;
      }
      seen.add(cur);
      cur = parentOf.get(cur);
    }
  }

  // --- Indikator --------------------------------------------------------------------------
  const ind = new Table(indikatorSheet, INDIKATOR, problems, TARGET_COLUMN);
  const targetYears = ind.extraHeaders.map((h) => ({
    name: h.name,
    year: Number(TARGET_COLUMN.exec(h.name)?.[1]),
  }));
  if (periodOk && periodStart !== null && periodEnd !== null) {
    for (const t of targetYears) {
      if (t.year < periodStart || t.year > periodEnd) {
        problems.add(
          ind.sheet,
          ind.headerRow,
          t.name,
          `Kolom ${t.name} di luar periode SK ${periodStart}–${periodEnd} / column ${t.name} is outside the decree period ${periodStart}–${periodEnd}`,
        );
      }
    }
    for (let y = periodStart; y <= periodEnd; y++) {
      if (!ind.has(`target_${y}`)) {
        problems.add(
          ind.sheet,
          ind.headerRow,
          `target_${y}`,
          `Kolom target_${y} tidak ada (periode SK ${periodStart}–${periodEnd}) / column target_${y} is missing (decree period ${periodStart}–${periodEnd})`,
        );
      }
    }
  }
  const periodYears: number[] = [];
  if (periodOk && periodStart !== null && periodEnd !== null)
    for (let y = periodStart; y <= periodEnd; y++) periodYears.push(y);

  const indicators: Indicator[] = [];
  const indicatorSources: SourceRef[] = [];
  const indicatorCodes = new UniqueKeys();
  const names = new Map<string, number>();
  for (const r of ind.rows) {
    progress.tick();
    const ctx = ind.row(r);
    let valid = true;
    const code = ctx.required('kode');
    if (code !== null && !indicatorCodes.check(ctx, code, 'kode', 'kode')) valid = false;
    const kind = ctx.parse('jenis', (c) =>
      parseEnumCell(c, INDICATOR_KIND_MAP, Object.keys(INDICATOR_KIND_MAP)),
    );
    const elementCode = ctx.required('kode_elemen');
    if (elementCode !== null && !elementCodes.has(elementCode)) {
      ctx.problem(
        'kode_elemen',
        `Kode elemen '${elementCode}' tidak ada di sheet Renstra / element code '${elementCode}' is not in the Renstra sheet`,
      );
      valid = false;
    }
    const elementLevel = elementCode === null ? null : levelOf.get(elementCode);
    if (kind !== null && elementLevel && !KIND_LEVELS[kind].includes(elementLevel)) {
      ctx.problem(
        'kode_elemen',
        `Indikator ${kind} tidak dapat melekat pada elemen tingkat ${elementLevel} ('${elementCode}'); boleh: ${KIND_LEVELS[kind].join(', ')} / a ${kind} indicator cannot belong to a ${elementLevel} element ('${elementCode}')`,
      );
      valid = false;
    }
    const positionCode = ctx.optional('kode_jabatan');
    if (kind === 'iki' && positionCode === null) {
      ctx.problem('kode_jabatan', `Wajib diisi untuk IKI / required for an IKI`);
      valid = false;
    } else if (kind !== null && kind !== 'iki' && positionCode !== null) {
      ctx.problem(
        'kode_jabatan',
        `Hanya diisi untuk IKI (jenis '${kind}') / only for IKI indicators (jenis '${kind}')`,
      );
      valid = false;
    }
    const name = ctx.required('nama');
    const definition = ctx.optional('definisi');
    const formulaText = ctx.optional('formula_teks');
    const formulaRaw = ctx.optional('formula');
    let formula = null;
    if (formulaRaw !== null) {
      const f = parseFormulaText(formulaRaw);
      if (f.ok) formula = f.value;
      else {
        ctx.problem('formula', f.message);
        valid = false;
      }
    }
    const satuan = ctx.required('satuan');
    const polarity = ctx.parse('polaritas', (c) =>
      parseEnumCell(c, POLARITY_MAP, ['naik', 'turun', 'rentang']),
    );
    let dataPeriod: DataPeriod = 'yearly';
    if (ctx.text('periode_data') !== '') {
      const p = ctx.parseIfPresent('periode_data', (c) =>
        parseEnumCell(c, PERIOD_MAP, ['tahunan', 'triwulanan']),
      );
      if (p === null) valid = false;
      else dataPeriod = p;
    }
    let rollup: RollupRule = formula?.kind === 'count' ? 'sum' : 'last';
    if (ctx.text('rollup') !== '') {
      const r2 = ctx.parseIfPresent('rollup', (c) =>
        parseEnumCell(c, ROLLUP_MAP, ['jumlah', 'terakhir', 'rata_rata']),
      );
      if (r2 === null) valid = false;
      else rollup = r2;
    }
    // baseline
    let baseline: Indicator['baseline'] = null;
    const bYear = ctx.parseIfPresent('baseline_tahun', parseYearCell);
    const bValue = ctx.parseIfPresent('baseline_nilai', parseNumberCell);
    const hasBY = ctx.text('baseline_tahun') !== '';
    const hasBV = ctx.text('baseline_nilai') !== '';
    if (hasBY !== hasBV) {
      ctx.problem(
        hasBY ? 'baseline_nilai' : 'baseline_tahun',
        `baseline_tahun dan baseline_nilai harus diisi bersama / baseline_tahun and baseline_nilai go together`,
      );
      valid = false;
    } else if (hasBY && (bYear === null || bValue === null)) {
      valid = false;
    } else if (bYear !== null && bValue !== null) {
      if (bValue.percent && satuan !== null && !isPercentSatuan(satuan)) {
        ctx.problem('baseline_nilai', PERCENT_MISMATCH(ctx.text('baseline_nilai'), satuan));
        valid = false;
      }
      baseline = { year: bYear, value: bValue.value };
    }
    const cascadeTo = ctx.optional('kaskade_ke');
    if (cascadeTo !== null && code !== null) {
      if (cascadeTo === code) {
        ctx.problem(
          'kaskade_ke',
          `Indikator tidak boleh mengkaskade ke dirinya sendiri / an indicator cannot cascade to itself`,
        );
        valid = false;
      }
    }
    // targets
    const targets: Target[] = [];
    for (const year of periodYears) {
      const col = `target_${year}`;
      if (!ind.has(col)) continue;
      const raw = ctx.text(col);
      if (raw === '') {
        ctx.problem(
          col,
          `Target tahun ${year} belum diisi (tulis '-' bila memang tidak ada target) / target for ${year} is empty (write '-' when there is none)`,
        );
        valid = false;
        continue;
      }
      const t = parseTargetCell(ctx.cell(col), polarity === 'range');
      if (!t.ok) {
        ctx.problem(col, t.message);
        valid = false;
        continue;
      }
      if (t.value.percent && satuan !== null && !isPercentSatuan(satuan)) {
        ctx.problem(col, PERCENT_MISMATCH(raw, satuan));
        valid = false;
        continue;
      }
      const target: Target = { year, value: t.value.value };
      if (t.value.min !== undefined) target.min = t.value.min;
      if (t.value.max !== undefined) target.max = t.value.max;
      if (t.value.unit !== undefined) target.unit = t.value.unit;
      if (t.value.text !== undefined) target.text = t.value.text;
      targets.push(target);
    }
    // duplicate name within one element (same jenis and jabatan; a different definisi tells
    // indicators apart, as real decrees reuse a kegiatan indicator name under one sasaran)
    if (name !== null && elementCode !== null && kind !== null) {
      const key = [
        elementCode,
        kind,
        positionCode ?? '',
        name.toLowerCase().replace(/\s+/g, ' '),
        (definition ?? '').toLowerCase().replace(/\s+/g, ' '),
      ].join('\u0000');
      const first = names.get(key);
      if (first !== undefined) {
        ctx.problem(
          'nama',
          `Nama indikator ganda dalam elemen '${elementCode}' (sama dengan baris ${first}) / duplicate indicator name within element '${elementCode}' (same as row ${first})`,
        );
        valid = false;
      } else names.set(key, r.row);
    }
    if (
      valid &&
      code !== null &&
      kind !== null &&
      elementCode !== null &&
      name !== null &&
      satuan !== null &&
      polarity !== null
    ) {
      indicators.push({
        code,
        kind,
        elementCode,
        positionCode,
        name,
        definition,
        formulaText,
        formula,
        satuan,
        polarity,
        sumberData: ctx.optional('sumber_data'),
        penanggungJawab: ctx.optional('penanggung_jawab'),
        dataPeriod,
        rollup,
        baseline,
        targets,
        cascadeTo,
      });
      indicatorSources.push(ctx.source);
    }
  }
  // Whether a kaskade_ke target exists (in this file, the database or the Pemda IKU) is checked by the application's import plan.

  // --- Retire -----------------------------------------------------------------------------
  const retirements: Retirement[] = [];
  const retireSheet = sheets.get('retire');
  if (retireSheet) {
    const rt = new Table(retireSheet, RETIRE, problems);
    if (kind === 'penetapan' && rt.rows.length > 0) {
      problems.add(
        rt.sheet,
        rt.rows[0]?.row ?? 0,
        'kode',
        `Sheet Retire hanya untuk SK perubahan / the Retire sheet is only for a perubahan decree`,
      );
    }
    const codes = new UniqueKeys();
    for (const r of rt.rows) {
      progress.tick();
      const ctx = rt.row(r);
      const code = ctx.required('kode');
      const reason = ctx.required('alasan');
      if (code !== null && codes.check(ctx, code, 'kode', 'kode') && indicatorCodes.has(code)) {
        ctx.problem(
          'kode',
          `Indikator '${code}' juga ada di sheet Indikator / indicator '${code}' is also in the Indikator sheet`,
        );
        continue;
      }
      if (code !== null && reason !== null) retirements.push({ code, reason, source: ctx.source });
    }
  }

  if (
    opdId === null ||
    number === null ||
    title === null ||
    date === null ||
    place === null ||
    signerName === null ||
    signerPosition === null ||
    kind === null ||
    periodStart === null ||
    periodEnd === null
  ) {
    return null;
  }
  const decree: DecreeInfo = {
    number,
    title,
    date,
    place,
    signer: { name: signerName, nip, position: signerPosition },
    legalBases,
    kind,
    periodStart,
    periodEnd,
  };
  return {
    kind: 'sk',
    opdId,
    decree,
    elements,
    indicators,
    retirements,
    sources: {
      decree: { sheet: kv.sheet, row: kv.firstRow },
      elements: elementSources,
      indicators: indicatorSources,
    },
  };
}
