// The import templates: sheet names (Bahasa Indonesia) and their columns. docs/import-template.md
// describes every column; keep both in step.
import type { ImportKind } from './types';
import type { ColumnDef } from './table';

const req = (name: string): ColumnDef => ({ name, required: true });
const opt = (name: string): ColumnDef => ({ name, required: false });

export const ORGANISASI = {
  Wilayah: [req('kode'), req('nama'), req('edisi_kode')],
  OPD: [req('kode_wilayah'), req('kode_opd'), req('nama')],
  Unit: [req('id_opd'), req('kode_unit'), req('nama'), req('jenis'), opt('kode_induk')],
  Jabatan: [
    req('id_opd'),
    req('kode_jabatan'),
    req('nama_jabatan'),
    opt('kode_unit'),
    opt('tugas'),
    opt('fungsi'),
  ],
} as const;

export const SK_KEYS: readonly ColumnDef[] = [
  req('id_opd'),
  req('nomor'),
  req('judul'),
  req('tanggal'),
  req('tempat'),
  req('penandatangan'),
  opt('nip'),
  req('jabatan_penandatangan'),
  req('jenis'),
  req('periode_awal'),
  req('periode_akhir'),
  opt('dasar_hukum'),
];

export const RENSTRA: readonly ColumnDef[] = [
  req('kode'),
  req('tingkat'),
  req('nama'),
  opt('kode_induk'),
];

/** Plus one `target_<tahun>` column per year of the period. */
export const INDIKATOR: readonly ColumnDef[] = [
  req('kode'),
  req('jenis'),
  req('kode_elemen'),
  opt('kode_jabatan'),
  req('nama'),
  opt('definisi'),
  opt('formula_teks'),
  opt('formula'),
  req('satuan'),
  req('polaritas'),
  opt('sumber_data'),
  opt('penanggung_jawab'),
  opt('periode_data'),
  opt('rollup'),
  opt('baseline_tahun'),
  opt('baseline_nilai'),
  opt('kaskade_ke'),
];
export const TARGET_COLUMN = /^target_(\d{4})$/;

export const RETIRE: readonly ColumnDef[] = [req('kode'), req('alasan')];

export const PK_KEYS: readonly ColumnDef[] = [
  req('id_opd'),
  req('tahun'),
  req('kode_jabatan'),
  req('pihak_pertama_nama'),
  opt('pihak_pertama_nip'),
  req('pihak_pertama_jabatan'),
  req('pihak_kedua_nama'),
  opt('pihak_kedua_nip'),
  req('pihak_kedua_jabatan'),
  req('tanggal'),
  opt('alasan_perubahan'),
];
export const PK_TARGET: readonly ColumnDef[] = [
  req('kode_indikator'),
  req('target'),
  opt('satuan_hitung'),
];
export const PK_ANGGARAN: readonly ColumnDef[] = [req('kode_program'), req('pagu')];

export const ANGGARAN: readonly ColumnDef[] = [
  req('id_opd'),
  req('tahun'),
  req('tahap'),
  req('dokumen'),
  req('tanggal'),
  req('kode_program'),
  opt('kode_kegiatan'),
  opt('kode_sub_kegiatan'),
  req('pagu'),
  opt('sumber_dana'),
];

export const TARGET_BULK: readonly ColumnDef[] = [
  req('id_opd'),
  req('nomor_sk'),
  req('kode_indikator'),
  req('tahun'),
  req('target'),
];

export const REALISASI: readonly ColumnDef[] = [
  req('id_opd'),
  req('kode_indikator'),
  req('tahun'),
  req('periode'),
  opt('nilai'),
  opt('input'),
  req('dokumen'),
  req('sumber_data'),
  opt('catatan'),
];

export const PEMBANDING: readonly ColumnDef[] = [
  req('cakupan'),
  opt('kode_wilayah'),
  req('kunci_indikator'),
  req('tahun'),
  req('nilai'),
  req('sumber'),
];

export const NARASI: readonly ColumnDef[] = [
  req('id_opd'),
  req('kode_sasaran'),
  req('tahun'),
  opt('faktor_pendukung'),
  opt('faktor_penghambat'),
  opt('solusi'),
];

export const SERAPAN: readonly ColumnDef[] = [
  req('id_opd'),
  req('tahun'),
  req('periode'),
  req('kode_program'),
  opt('kode_kegiatan'),
  opt('kode_sub_kegiatan'),
  req('realisasi'),
];

/** Sheets of each template, in order; `required` sheets must be present. */
export const TEMPLATE_SHEETS: Record<ImportKind, { name: string; required: boolean }[]> = {
  organisasi: [
    { name: 'Wilayah', required: false },
    { name: 'OPD', required: false },
    { name: 'Unit', required: false },
    { name: 'Jabatan', required: false },
  ],
  sk: [
    { name: 'SK', required: true },
    { name: 'Renstra', required: true },
    { name: 'Indikator', required: true },
    { name: 'Retire', required: false },
  ],
  pk: [
    { name: 'PK', required: true },
    { name: 'Target', required: true },
    { name: 'Anggaran', required: false },
  ],
  anggaran: [{ name: 'Anggaran', required: true }],
  target: [{ name: 'Target', required: true }],
  realisasi: [
    { name: 'Realisasi', required: true },
    { name: 'Pembanding', required: false },
  ],
  narasi: [{ name: 'Narasi', required: true }],
  serapan: [{ name: 'Serapan', required: true }],
};
