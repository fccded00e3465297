import { isOpdId, isProvinceCode, isRegencyCode, type UnitKind } from '@sakip/domain';
import { ORGANISASI } from './templates';
import { Problems, Progress, Table, UniqueKeys } from './table';
import type {
  ImportedOpd,
  ImportedPosition,
  ImportedRegion,
  ImportedUnit,
  OrganisasiDocument,
} from './types';
import { parseEnumCell, splitList } from './values';
import type { SheetData } from './workbook';

const UNIT_KINDS: readonly UnitKind[] = ['sekretariat', 'bidang', 'sub_bagian', 'seksi', 'upt'];
const UNIT_KIND_MAP: Record<string, UnitKind> = Object.fromEntries(UNIT_KINDS.map((k) => [k, k]));
const OPD_CODE = /^[A-Z0-9_]{2,32}$/;

export function parseOrganisasi(
  sheets: Map<string, SheetData>,
  problems: Problems,
  progress: Progress,
): OrganisasiDocument | null {
  const doc: OrganisasiDocument = {
    kind: 'organisasi',
    regions: [],
    opds: [],
    units: [],
    positions: [],
  };
  const present = ['wilayah', 'opd', 'unit', 'jabatan'].filter((s) => sheets.has(s));
  if (present.length === 0) {
    problems.add(
      '',
      0,
      '',
      `Tidak ada sheet Wilayah, OPD, Unit atau Jabatan / no Wilayah, OPD, Unit or Jabatan sheet`,
    );
    return null;
  }

  const wilayah = sheets.get('wilayah');
  if (wilayah) {
    const t = new Table(wilayah, ORGANISASI.Wilayah, problems);
    const codes = new UniqueKeys();
    for (const r of t.rows) {
      progress.tick();
      const ctx = t.row(r);
      const code = ctx.required('kode');
      const name = ctx.required('nama');
      const codeEdition = ctx.required('edisi_kode');
      if (code !== null && !isProvinceCode(code) && !isRegencyCode(code)) {
        ctx.problem(
          'kode',
          `Kode wilayah '${code}' tidak valid (PP atau PP.KK, mis. 18 atau 18.04) / invalid region code '${code}' (PP or PP.KK, e.g. 18 or 18.04)`,
        );
        continue;
      }
      if (code !== null && !codes.check(ctx, code, 'kode', 'kode')) continue;
      if (code !== null && name !== null && codeEdition !== null)
        doc.regions.push({ code, name, codeEdition, source: ctx.source } satisfies ImportedRegion);
    }
  }

  const opdSheet = sheets.get('opd');
  if (opdSheet) {
    const t = new Table(opdSheet, ORGANISASI.OPD, problems);
    const keys = new UniqueKeys();
    for (const r of t.rows) {
      progress.tick();
      const ctx = t.row(r);
      const regionCode = ctx.required('kode_wilayah');
      const code = ctx.required('kode_opd');
      const name = ctx.required('nama');
      let valid = true;
      if (regionCode !== null && !isProvinceCode(regionCode) && !isRegencyCode(regionCode)) {
        ctx.problem(
          'kode_wilayah',
          `Kode wilayah '${regionCode}' tidak valid (PP atau PP.KK) / invalid region code '${regionCode}' (PP or PP.KK)`,
        );
        valid = false;
      }
      if (code !== null && !OPD_CODE.test(code)) {
        ctx.problem(
          'kode_opd',
          `Kode OPD '${code}' tidak valid: 2–32 huruf besar, angka atau _ / OPD code '${code}' is invalid: 2–32 capital letters, digits or _`,
        );
        valid = false;
      }
      if (
        regionCode !== null &&
        code !== null &&
        !keys.check(ctx, `${regionCode}-${code}`, 'kode_opd', 'kode_opd')
      )
        valid = false;
      if (valid && regionCode !== null && code !== null && name !== null)
        doc.opds.push({ regionCode, code, name, source: ctx.source } satisfies ImportedOpd);
    }
  }

  const unitSheet = sheets.get('unit');
  const unitsByOpd = new Map<string, Set<string>>();
  if (unitSheet) {
    const t = new Table(unitSheet, ORGANISASI.Unit, problems);
    const pending: { unit: ImportedUnit; row: number }[] = [];
    for (const r of t.rows) {
      progress.tick();
      const ctx = t.row(r);
      const opdId = ctx.required('id_opd');
      const code = ctx.required('kode_unit');
      const name = ctx.required('nama');
      const kind = ctx.parse('jenis', (c) => parseEnumCell(c, UNIT_KIND_MAP, UNIT_KINDS));
      const parentCode = ctx.optional('kode_induk');
      let valid = true;
      if (opdId !== null && !isOpdId(opdId)) {
        ctx.problem(
          'id_opd',
          `ID OPD '${opdId}' tidak valid (format 18.04-DISKOPERINDAG) / invalid OPD id '${opdId}' (format 18.04-DISKOPERINDAG)`,
        );
        valid = false;
      }
      if (opdId !== null && code !== null) {
        const set = unitsByOpd.get(opdId) ?? new Set<string>();
        if (set.has(code)) {
          ctx.problem(
            'kode_unit',
            `kode_unit '${code}' ganda untuk OPD ${opdId} / duplicate kode_unit '${code}' for OPD ${opdId}`,
          );
          valid = false;
        }
        set.add(code);
        unitsByOpd.set(opdId, set);
      }
      if (parentCode !== null && parentCode === code) {
        ctx.problem(
          'kode_induk',
          `Unit tidak boleh menjadi induk dirinya sendiri / a unit cannot be its own parent`,
        );
        valid = false;
      }
      if (valid && opdId !== null && code !== null && name !== null && kind !== null) {
        pending.push({
          unit: { opdId, code, name, kind, parentCode, source: ctx.source },
          row: r.row,
        });
      }
    }
    for (const p of pending) {
      if (p.unit.parentCode !== null && !unitsByOpd.get(p.unit.opdId)?.has(p.unit.parentCode)) {
        problems.add(
          t.sheet,
          p.row,
          'kode_induk',
          `Kode induk '${p.unit.parentCode}' tidak ada di sheet Unit untuk OPD ${p.unit.opdId} / parent '${p.unit.parentCode}' is not in the Unit sheet for OPD ${p.unit.opdId}`,
        );
      }
    }
    doc.units = parentsFirst(
      pending.map((p) => p.unit),
      t.sheet,
      problems,
    );
  }

  const jabatan = sheets.get('jabatan');
  if (jabatan) {
    const t = new Table(jabatan, ORGANISASI.Jabatan, problems);
    const keys = new UniqueKeys();
    for (const r of t.rows) {
      progress.tick();
      const ctx = t.row(r);
      const opdId = ctx.required('id_opd');
      const code = ctx.required('kode_jabatan');
      const title = ctx.required('nama_jabatan');
      const unitCode = ctx.optional('kode_unit');
      let valid = true;
      if (opdId !== null && !isOpdId(opdId)) {
        ctx.problem(
          'id_opd',
          `ID OPD '${opdId}' tidak valid (format 18.04-DISKOPERINDAG) / invalid OPD id '${opdId}' (format 18.04-DISKOPERINDAG)`,
        );
        valid = false;
      }
      if (
        opdId !== null &&
        code !== null &&
        !keys.check(ctx, `${opdId}\u0000${code}`, 'kode_jabatan', 'kode_jabatan')
      )
        valid = false;
      // Units of an OPD that has no units in this file are checked by the lead against the database.
      const units = opdId === null ? undefined : unitsByOpd.get(opdId);
      if (unitCode !== null && units !== undefined && !units.has(unitCode)) {
        ctx.problem(
          'kode_unit',
          `Kode unit '${unitCode}' tidak ada di sheet Unit untuk OPD ${opdId} / unit '${unitCode}' is not in the Unit sheet for OPD ${opdId}`,
        );
        valid = false;
      }
      if (valid && opdId !== null && code !== null && title !== null) {
        const position: ImportedPosition = {
          opdId,
          code,
          title,
          unitCode,
          tugas: ctx.text('tugas'),
          fungsi: splitList(ctx.cell('fungsi')?.text ?? ''),
          source: ctx.source,
        };
        doc.positions.push(position);
      }
    }
  }
  return doc;
}

/** Orders units so that a parent always comes before its children (file order otherwise); reports cycles. */
function parentsFirst(units: ImportedUnit[], sheet: string, problems: Problems): ImportedUnit[] {
  const byKey = new Map(units.map((u) => [`${u.opdId}\u0000${u.code}`, u]));
  const out: ImportedUnit[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (u: ImportedUnit): void => {
    const key = `${u.opdId}\u0000${u.code}`;
    const s = state.get(key);
    if (s === 'done') return;
    if (s === 'visiting') {
      problems.add(
        sheet,
        u.source.row,
        'kode_induk',
        `Hubungan induk unit berputar (siklus) lewat '${u.code}' / unit parent chain of '${u.code}' is a cycle`,
      );
      return;
    }
    state.set(key, 'visiting');
    const parent = u.parentCode === null ? undefined : byKey.get(`${u.opdId}\u0000${u.parentCode}`);
    if (parent) visit(parent);
    state.set(key, 'done');
    out.push(u);
  };
  units.forEach(visit);
  return out;
}
