import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  bandarLampung,
  bengkuluSelatan,
  decreeFixtures,
  lampungBarat,
  regions,
  type DecreeFixture,
} from '@sakip/fixtures';
import { parseImportBuffer, parseImportFile, type Indicator } from '../src/index';
import {
  BANDAR_LAMPUNG_ILLUSTRATIVE_DATE,
  BANDAR_LAMPUNG_ILLUSTRATIVE_TARGETS,
  BENGKULU_SELATAN_ILLUSTRATIVE_DECREE,
  EXAMPLE_FILES,
  exampleBuffers,
  opdIdOfFixture,
} from '../src/examples';
import { ok } from './helpers';

const examplePath = (name: string) =>
  fileURLToPath(new URL(`../examples/${name}`, import.meta.url));

function expectedIndicators(f: DecreeFixture, targets?: Record<string, string[]>): Indicator[] {
  return f.indicators.map((i) => {
    const illustrative = targets?.[i.code];
    return {
      code: i.code,
      kind: i.kind,
      elementCode: i.sasaranCode,
      positionCode: i.positionCode ?? null,
      name: i.name,
      definition: i.definition ?? null,
      formulaText: i.formulaText ?? null,
      formula: i.formula ?? null,
      satuan: i.satuan,
      polarity: i.polarity,
      sumberData: i.sumberData ?? null,
      penanggungJawab: i.penanggungJawab ?? null,
      dataPeriod: 'yearly',
      rollup: i.formula?.kind === 'count' ? 'sum' : 'last',
      baseline: null,
      targets: illustrative
        ? illustrative.map((t, k) => ({
            year: f.decree.periodStart + k,
            value: t.replace('%', '').replace(',', '.'),
          }))
        : i.targets.map((t) => (t.value === null && !t.text ? { ...t, text: '-' } : { ...t })),
      cascadeTo: null,
    };
  });
}

async function parseSkExample(name: string) {
  const r = await parseImportFile(examplePath(name));
  return ok(r, 'sk');
}

describe('committed example files are up to date', () => {
  it('regenerating gives the same parsed documents', async () => {
    const fresh = await exampleBuffers();
    for (const name of EXAMPLE_FILES) {
      const committed = await parseImportFile(examplePath(name));
      const regenerated = await parseImportBuffer(fresh[name], name);
      expect(regenerated, name).toEqual(committed);
    }
  });
});

describe('organisasi-demo.xlsx', () => {
  it('holds the regions, the three OPDs, their units and positions', async () => {
    const doc = ok(await parseImportFile(examplePath('organisasi-demo.xlsx')), 'organisasi');
    expect(doc.regions.map((r) => r.code)).toEqual([
      ...regions.provinces.map((p) => p.code),
      ...regions.regions.map((r) => r.code),
    ]);
    expect(doc.regions.every((r) => r.codeEdition === regions.codeEdition)).toBe(true);
    expect(doc.opds.map(({ regionCode, code, name }) => ({ regionCode, code, name }))).toEqual(
      decreeFixtures.map((f) => ({
        regionCode: f.region.regionCode,
        code: f.opd.code,
        name: f.opd.name,
      })),
    );
    for (const f of decreeFixtures) {
      const opdId = opdIdOfFixture(f);
      const units = doc.units.filter((u) => u.opdId === opdId);
      expect(
        units
          .map(({ code, name, kind, parentCode }) => ({ code, name, kind, parentCode }))
          .sort((a, b) => a.code.localeCompare(b.code)),
      ).toEqual(
        f.units
          .map((u) => ({
            code: u.code,
            name: u.name,
            kind: u.kind,
            parentCode: u.parentCode ?? null,
          }))
          .sort((a, b) => a.code.localeCompare(b.code)),
      );
      // parents come before their children
      const seen = new Set<string>();
      for (const u of units) {
        if (u.parentCode !== null)
          expect(seen.has(u.parentCode), `${u.code} after ${u.parentCode}`).toBe(true);
        seen.add(u.code);
      }
      const positions = doc.positions.filter((p) => p.opdId === opdId);
      expect(
        positions.map(({ code, title, unitCode, tugas, fungsi }) => ({
          code,
          title,
          unitCode,
          tugas,
          fungsi,
        })),
      ).toEqual(
        f.positions.map((p) => ({
          code: p.code,
          title: p.title,
          unitCode: p.unitCode ?? null,
          tugas: p.tugas ?? '',
          fungsi: p.fungsi,
        })),
      );
    }
    expect(doc.positions.filter((p) => p.opdId === '18.04-DISKOPERINDAG')).toHaveLength(23);
    expect(doc.positions[0]?.source).toEqual({ sheet: 'Jabatan', row: 2 });
  });
});

describe('sk-lampung-barat-050-18-2023.xlsx', () => {
  it('equals the fixture: decree, 68 elements, IKU and every IKI table', async () => {
    const doc = await parseSkExample('sk-lampung-barat-050-18-2023.xlsx');
    const f = lampungBarat;
    expect(doc.opdId).toBe('18.04-DISKOPERINDAG');
    expect(doc.decree).toEqual({
      number: '050/18/KPTS/III.06/1/2023',
      title: f.decree.title,
      date: '2023-01-04',
      place: 'Liwa',
      signer: { name: f.decree.signer?.name, nip: null, position: f.decree.signer?.position },
      legalBases: f.decree.legalBases,
      kind: 'penetapan',
      periodStart: 2023,
      periodEnd: 2026,
    });
    expect(doc.elements).toEqual(
      f.sasaran.map((s) => ({
        code: s.code,
        level: s.level,
        name: s.name,
        parentCode: s.parentCode ?? null,
      })),
    );
    expect(doc.indicators).toEqual(expectedIndicators(f));
    expect(doc.indicators).toHaveLength(77);
    expect(doc.indicators.filter((i) => i.kind === 'iki')).toHaveLength(72);
    expect(new Set(doc.indicators.map((i) => i.positionCode).filter((p) => p !== null)).size).toBe(
      23,
    ); // every jabatan has an IKI table
    const iku4 = doc.indicators.find((i) => i.code === 'IKU-4');
    expect(iku4?.targets[0]).toEqual({ year: 2023, value: '887.43' });
    expect(doc.retirements).toEqual([]);
    expect(doc.sources.indicators[0]).toEqual({ sheet: 'Indikator', row: 2 });
    expect(doc.sources.elements).toHaveLength(68);
  });
});

describe('sk-bandar-lampung-perubahan-121-2021.xlsx', () => {
  it('equals the fixture, with the labelled illustrative targets and day', async () => {
    const doc = await parseSkExample('sk-bandar-lampung-perubahan-121-2021.xlsx');
    const f = bandarLampung;
    expect(doc.opdId).toBe('18.71-DISKOPUKM');
    expect(doc.decree.kind).toBe('perubahan');
    expect(doc.decree.number).toBe(f.decree.number);
    expect(doc.decree.date).toBe(BANDAR_LAMPUNG_ILLUSTRATIVE_DATE);
    expect(doc.decree.signer).toEqual({
      name: 'Drs. GIRENDRA, MM',
      nip: '196204121983031015',
      position: f.decree.signer?.position,
    });
    expect(doc.decree.legalBases).toEqual(f.decree.legalBases);
    expect(doc.elements.map((e) => [e.code, e.level, e.parentCode])).toEqual(
      f.sasaran.map((s) => [s.code, s.level, s.parentCode ?? null]),
    );
    expect(doc.indicators).toEqual(expectedIndicators(f, BANDAR_LAMPUNG_ILLUSTRATIVE_TARGETS));
  });
});

describe('sk-bengkulu-selatan-2024.xlsx', () => {
  it('equals the fixture: program, kegiatan and sub kegiatan indicators with qualitative and empty targets', async () => {
    const doc = await parseSkExample('sk-bengkulu-selatan-2024.xlsx');
    const f = bengkuluSelatan;
    expect(doc.decree).toMatchObject({
      number: BENGKULU_SELATAN_ILLUSTRATIVE_DECREE.number,
      date: '2024-01-02',
      periodStart: 2022,
      periodEnd: 2026,
      legalBases: [],
    });
    expect(doc.elements).toHaveLength(110);
    expect(doc.indicators).toEqual(expectedIndicators(f));
    const kinds = doc.indicators.reduce<Record<string, number>>(
      (m, i) => ({ ...m, [i.kind]: (m[i.kind] ?? 0) + 1 }),
      {},
    );
    expect(kinds).toEqual({ iku: 5, program: 17, kegiatan: 29, sub_kegiatan: 68 });
    expect(doc.indicators.find((i) => i.code === 'PRG-14B')?.targets[0]).toEqual({
      year: 2022,
      value: '75',
      text: 'Nilai BB',
    });
    expect(doc.indicators.find((i) => i.code === 'PRG-14C')?.targets[0]).toEqual({
      year: 2022,
      value: null,
      text: 'Tidak ada temuan',
    });
    expect(doc.indicators.find((i) => i.code === 'SUB-1')?.targets[0]).toEqual({
      year: 2022,
      value: '1',
      unit: 'dokumen',
    });
    expect(doc.indicators.some((i) => i.formula?.kind === 'cv')).toBe(true);
  });
});

describe('target-lampung-barat.csv', () => {
  it('has one row per indicator and year, equal to the fixture targets', async () => {
    const r = await parseImportFile(examplePath('target-lampung-barat.csv'));
    const doc = ok(r, 'target');
    const expected = lampungBarat.indicators.flatMap((i) =>
      i.targets.map((t) => ({
        opdId: '18.04-DISKOPERINDAG',
        decreeNumber: '050/18/KPTS/III.06/1/2023',
        indicatorCode: i.code,
        year: t.year,
        target: t,
      })),
    );
    expect(
      doc.rows.map(({ opdId, decreeNumber, indicatorCode, year, target }) => ({
        opdId,
        decreeNumber,
        indicatorCode,
        year,
        target,
      })),
    ).toEqual(expected);
    expect(r.rowCount).toBe(308);
    expect(doc.rows[0]?.source).toEqual({ sheet: 'Target', row: 2 });
  });

  it('the CSV text uses ";" and Indonesian decimals', async () => {
    const text = await readFile(examplePath('target-lampung-barat.csv'), 'utf8');
    expect(text.split('\r\n')[0]).toBe('id_opd;nomor_sk;kode_indikator;tahun;target');
    expect(text).toContain('18.04-DISKOPERINDAG;050/18/KPTS/III.06/1/2023;IKU-4;2023;887,43');
  });
});
