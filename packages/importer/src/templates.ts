// The import templates, declared once: every sheet, column, row key, cell type, whether a cell
// is required and the help text. The parsers read sheets through these declarations and the
// column tables of docs/import-template.md are generated from them (`pnpm --filter
// @sakip/importer run docs`), so the importer and its documentation cannot disagree.
import { FUNDING_SOURCES, UNIT_KINDS } from '@sakip/domain';
import { BUDGET_STAGES } from './types';
import type { ImportKind } from './types';

/** How a cell is read (values.ts). `text` cells are taken as written (trimmed). */
export type CellType =
  | 'text'
  | 'opd_id'
  | 'year'
  | 'period'
  | 'date'
  | 'amount'
  | 'rupiah'
  | 'number'
  | 'inputs'
  | 'target'
  | 'enum';

export interface ColumnDef {
  name: string;
  required: boolean;
  type: CellType;
  /** For `enum` cells: the accepted spellings and what they mean. */
  values?: Readonly<Record<string, string>>;
  /** For the docs: the rule when "required" is more than yes or no. */
  requiredWhen?: string;
  /** The problem for an empty required cell, when "Wajib diisi / required" says too little. */
  missing?: string;
  format: string;
  example: string;
}

export interface SheetDef {
  name: string;
  required: boolean;
  /** `table`: a header row and data rows; `keyvalue`: column A the key, column B the value. */
  layout: 'table' | 'keyvalue';
  columns: readonly ColumnDef[];
  /**
   * The columns that identify a row: a row replaces the recorded row with the same key, and
   * the same key twice in one file is a problem.
   */
  key: readonly string[];
}

export interface TemplateDef {
  kind: ImportKind;
  sheets: readonly SheetDef[];
  /** What importing the same rows again, or a file with fewer rows, does. */
  reimport: string;
}

interface ColumnOpts {
  required: boolean;
  format: string;
  example: string;
  requiredWhen?: string;
  missing?: string;
  values?: Readonly<Record<string, string>>;
}

const col = (name: string, type: CellType, o: ColumnOpts): ColumnDef => ({ name, type, ...o });
const enumOf = (...names: readonly string[]): Record<string, string> =>
  Object.fromEntries(names.map((n) => [n.toLowerCase(), n]));
const oneOf = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(' \\| ');

const OPD_ID = col('id_opd', 'opd_id', {
  required: true,
  format: '`PP.KK-KODE` of an OPD that exists',
  example: '`18.04-DISKOPERINDAG`',
});
const YEAR = col('tahun', 'year', { required: true, format: 'year', example: '`2024`' });
const PERIOD = (example: string) =>
  col('periode', 'period', {
    required: true,
    format: '[period](#reporting-periods)',
    example,
  });
const KEGIATAN = col('kode_kegiatan', 'text', {
  required: false,
  requiredWhen: 'when kode_sub_kegiatan is filled',
  format: 'kegiatan code of the Renstra in force; numeric codes must start with `<kode_program>.`',
  example: '`2.17.02.2.01`',
});
const SUB_KEGIATAN = col('kode_sub_kegiatan', 'text', {
  required: false,
  format:
    'sub kegiatan code of the Renstra in force; numeric codes must start with `<kode_kegiatan>.`',
  example: '`2.17.02.2.01.0001`',
});
const PROGRAM = col('kode_program', 'text', {
  required: true,
  format: 'program code of the Renstra in force (the `kode` of a `program` element of the SK)',
  example: '`SAS-49`, `2.17.02`',
});

export const SCOPES: Readonly<Record<string, string>> = {
  provinsi: 'province',
  province: 'province',
  nasional: 'national',
  national: 'national',
};

const ORGANISASI_DEF: TemplateDef = {
  kind: 'organisasi',
  reimport:
    'A region, OPD, unit or jabatan already registered with the same content is left as it is; one with other content is refused (renaming goes through the admin). Entries absent from the file stay as they are.',
  sheets: [
    {
      name: 'Wilayah',
      required: false,
      layout: 'table',
      key: ['kode'],
      columns: [
        col('kode', 'text', {
          required: true,
          format: 'Kemendagri code `PP` (province) or `PP.KK`; unique',
          example: '`18.04`',
        }),
        col('nama', 'text', {
          required: true,
          format: 'text',
          example: '`Kabupaten Lampung Barat`',
        }),
        col('edisi_kode', 'text', {
          required: true,
          format: 'the Kepmendagri edition the code is taken from',
          example: '`Kepmendagri 300.2.2-2138 Tahun 2025`',
        }),
      ],
    },
    {
      name: 'OPD',
      required: false,
      layout: 'table',
      key: ['kode_wilayah', 'kode_opd'],
      columns: [
        col('kode_wilayah', 'text', {
          required: true,
          format: '`PP` or `PP.KK`',
          example: '`18.04`',
        }),
        col('kode_opd', 'text', {
          required: true,
          format: '2–32 capital letters, digits or `_`; unique per region',
          example: '`DISKOPERINDAG`',
        }),
        col('nama', 'text', {
          required: true,
          format: 'text, without the region',
          example: '`Dinas Koperasi UKM, Perindustrian dan Perdagangan`',
        }),
      ],
    },
    {
      name: 'Unit',
      required: false,
      layout: 'table',
      key: ['id_opd', 'kode_unit'],
      columns: [
        col('id_opd', 'opd_id', {
          required: true,
          format: '`PP.KK-KODE`',
          example: '`18.04-DISKOPERINDAG`',
        }),
        col('kode_unit', 'text', {
          required: true,
          format: 'text; unique per OPD',
          example: '`SUBBAG-UMPEG`',
        }),
        col('nama', 'text', {
          required: true,
          format: 'text',
          example: '`Sub Bagian Umum dan Kepegawaian`',
        }),
        col('jenis', 'enum', {
          required: true,
          values: enumOf(...UNIT_KINDS),
          format: oneOf(UNIT_KINDS),
          example: '`sub_bagian`',
        }),
        col('kode_induk', 'text', {
          required: false,
          format: 'a `kode_unit` of the same OPD in this sheet',
          example: '`SEKRETARIAT`',
        }),
      ],
    },
    {
      name: 'Jabatan',
      required: false,
      layout: 'table',
      key: ['id_opd', 'kode_jabatan'],
      columns: [
        col('id_opd', 'opd_id', {
          required: true,
          format: '`PP.KK-KODE`',
          example: '`18.04-DISKOPERINDAG`',
        }),
        col('kode_jabatan', 'text', {
          required: true,
          format: 'text; unique per OPD',
          example: '`KASUBBAG-UMPEG`',
        }),
        col('nama_jabatan', 'text', {
          required: true,
          format: 'text',
          example: '`Kepala Sub Bagian Umum dan Kepegawaian`',
        }),
        col('kode_unit', 'text', {
          required: false,
          format:
            'a unit of the OPD; checked against the `Unit` sheet when that sheet lists units of the OPD, otherwise against the units recorded in the database',
          example: '`SUBBAG-UMPEG`',
        }),
        col('tugas', 'text', {
          required: false,
          format: "text (empty → `''`; Bengkulu Selatan prints none)",
          example: '`Melaksanakan penyusunan dan pelaksanaan kebijakan daerah …`',
        }),
        col('fungsi', 'text', {
          required: false,
          format: 'list: one item per line (Alt+Enter); a single-line cell is split on `;`',
          example: '`Perumusan kebijakan teknis …⏎Pengoordinasian penyusunan perencanaan …`',
        }),
      ],
    },
  ],
};

const SK_DEF: TemplateDef = {
  kind: 'sk',
  reimport:
    'The row key of an SK is its `nomor` within the OPD. A draft decree is replaced by the file; an enacted decree is immutable: the same file again reports "unchanged", different content is refused (corrections need an amending decree).',
  sheets: [
    {
      name: 'SK',
      required: true,
      layout: 'keyvalue',
      key: ['id_opd', 'nomor'],
      columns: [
        col('id_opd', 'opd_id', {
          required: true,
          format: '`PP.KK-KODE` of an OPD that exists',
          example: '`18.04-DISKOPERINDAG`',
        }),
        col('nomor', 'text', {
          required: true,
          format: 'decree number as printed (spaces removed)',
          example: '`050/18/KPTS/III.06/1/2023`',
        }),
        col('judul', 'text', {
          required: true,
          format: 'text',
          example: '`Penetapan Indikator Kinerja Utama dan Indikator Kinerja Individu …`',
        }),
        col('tanggal', 'date', { required: true, format: 'date', example: '`4 Januari 2023`' }),
        col('tempat', 'text', { required: true, format: 'text', example: '`Liwa`' }),
        col('penandatangan', 'text', {
          required: true,
          format: 'name with titles',
          example: '`AKSANI, SP., M.Si`',
        }),
        col('nip', 'text', {
          required: false,
          format: '18 digits (spaces allowed)',
          example: '`196204121983031015` (Bandar Lampung)',
        }),
        col('jabatan_penandatangan', 'text', {
          required: true,
          format: 'text',
          example: '`Pengguna Anggaran Dinas Koperasi UKM, …`',
        }),
        col('jenis', 'text', {
          required: true,
          format: oneOf(['penetapan', 'perubahan']),
          example: '`penetapan`',
        }),
        col('periode_awal', 'year', { required: true, format: 'year', example: '`2023`' }),
        col('periode_akhir', 'year', {
          required: true,
          format: 'year ≥ periode_awal; at most 6 years',
          example: '`2026`',
        }),
        col('dasar_hukum', 'text', {
          required: false,
          format:
            'one row per legal basis, key repeated or numbered (`dasar_hukum_1`, `dasar_hukum 2`); a leading `1.` / `a)` is removed',
          example: '`Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintah Daerah …`',
        }),
      ],
    },
    {
      name: 'Renstra',
      required: true,
      layout: 'table',
      key: ['kode'],
      columns: [
        col('kode', 'text', { required: true, format: 'unique', example: '`SAS-35`' }),
        col('tingkat', 'text', {
          required: true,
          format: oneOf(['tujuan', 'sasaran', 'program', 'kegiatan', 'sub_kegiatan']),
          example: '`program`',
        }),
        col('nama', 'text', {
          required: true,
          format: 'text',
          example: '`Meningkatnya Kualitas Kelembagaan Koperasi`',
        }),
        col('kode_induk', 'text', {
          required: false,
          format: 'a `kode` of this sheet, at the same or a higher level; no cycles',
          example: '`SS-1`',
        }),
      ],
    },
    {
      name: 'Indikator',
      required: true,
      layout: 'table',
      key: ['kode'],
      columns: [
        col('kode', 'text', {
          required: true,
          format: 'unique in the file',
          example: '`IKI-KUKM-1`',
        }),
        col('jenis', 'text', {
          required: true,
          format: `${oneOf(['iku', 'iki', 'program', 'kegiatan', 'sub_kegiatan'])}; \`iku\` measures a tujuan/sasaran, \`program\`/\`kegiatan\`/\`sub_kegiatan\` an element of that level, \`iki\` any`,
          example: '`iki`',
        }),
        col('kode_elemen', 'text', {
          required: true,
          format: 'a `kode` of the Renstra sheet',
          example: '`SAS-35`',
        }),
        col('kode_jabatan', 'text', {
          required: false,
          requiredWhen: 'IKI only',
          format:
            'a jabatan of the OPD (checked against the database); must be empty for other kinds',
          example: '`KABID-KUKM`',
        }),
        col('nama', 'text', {
          required: true,
          format:
            'text; not twice within one element for the same jenis and jabatan unless `definisi` differs',
          example: '`Persentase Koperasi aktif`',
        }),
        col('definisi', 'text', {
          required: false,
          format: 'text',
          example: '`Nilai LAKIP adalah nilai hasil evaluasi …`',
        }),
        col('formula_teks', 'text', {
          required: false,
          format: 'the formula as printed',
          example: '`Σ Koperasi sehat / Σ Koperasi x 100%`',
        }),
        col('formula', 'text', {
          required: false,
          format: '[formula syntax](#formula-syntax)',
          example: '`ratio(Jumlah koperasi aktif / Jumlah koperasi)`',
        }),
        col('satuan', 'text', {
          required: true,
          format: 'text',
          example: '`%`, `dokumen`, `Milyar rupiah`, `nilai`, `predikat`',
        }),
        col('polaritas', 'text', {
          required: true,
          format: '`naik` → higher_better, `turun` → lower_better, `rentang` → range',
          example: '`naik`',
        }),
        col('sumber_data', 'text', {
          required: false,
          format: 'text',
          example: '`Bidang Koperasi UKM`',
        }),
        col('penanggung_jawab', 'text', {
          required: false,
          format: 'text',
          example: '`Sekretaris`',
        }),
        col('periode_data', 'text', {
          required: false,
          format: '`tahunan` (default) \\| `triwulanan`',
          example: '`tahunan`',
        }),
        col('rollup', 'text', {
          required: false,
          format: `${oneOf(['jumlah', 'terakhir', 'rata_rata'])}; default \`jumlah\` for a \`count(…)\` formula, else \`terakhir\``,
          example: '`jumlah`',
        }),
        col('baseline_tahun', 'year', {
          required: false,
          requiredWhen: 'with baseline_nilai',
          format: 'year',
          example: '`2022`',
        }),
        col('baseline_nilai', 'number', {
          required: false,
          requiredWhen: 'with baseline_tahun',
          format: 'number (`%` only for satuan `%`)',
          example: '`870,5`',
        }),
        col('kaskade_ke', 'text', {
          required: false,
          format:
            'code of the indicator this one supports (pohon kinerja); not itself; must exist in the file or the OPD',
          example: '`IKU-1`',
        }),
        col('target_<tahun>', 'target', {
          required: false,
          requiredWhen: 'one column per year of the period',
          format:
            '[target cell](#values-numbers-dates-targets); every cell filled (`-` for "no target")',
          example: '`30%`, `887,43`, `1 dokumen`, `85 \\| Nilai BB`',
        }),
        col('catatan', 'text', {
          required: false,
          format: 'ignored (the examples keep the fixture notes here)',
          example: '',
        }),
      ],
    },
    {
      name: 'Retire',
      required: false,
      layout: 'table',
      key: ['kode'],
      columns: [
        col('kode', 'text', {
          required: true,
          format: 'code of an indicator of the previous decree; unique; not also in `Indikator`',
          example: '`IKU-3`',
        }),
        col('alasan', 'text', {
          required: true,
          format: 'text',
          example: '`Diganti dengan indikator persentase koperasi sehat dan cukup sehat`',
        }),
      ],
    },
  ],
};

const party = (prefix: string, role: string, name: string, position: string): ColumnDef[] => [
  col(`${prefix}_nama`, 'text', { required: true, format: `${role}: name`, example: name }),
  col(`${prefix}_nip`, 'text', { required: false, format: `${role}: NIP, 18 digits`, example: '' }),
  col(`${prefix}_jabatan`, 'text', {
    required: true,
    format: `${role}: position`,
    example: position,
  }),
];

const PK_DEF: TemplateDef = {
  kind: 'pk',
  reimport:
    'The key of a PK is (id_opd, tahun, kode_jabatan). The same file again reports "unchanged"; with `alasan_perubahan` filled a PK already signed is revised (its target and budget lists replaced by the file\'s).',
  sheets: [
    {
      name: 'PK',
      required: true,
      layout: 'keyvalue',
      key: ['id_opd', 'tahun', 'kode_jabatan'],
      columns: [
        OPD_ID,
        YEAR,
        col('kode_jabatan', 'text', {
          required: true,
          format: 'the jabatan making the agreement',
          example: '`KADIS`',
        }),
        ...party('pihak_pertama', 'first party', '`AKSANI, SP., M.Si`', '`Kepala Dinas …`'),
        ...party('pihak_kedua', 'second party', '`PARosa`', '`Bupati Lampung Barat`'),
        col('tanggal', 'date', { required: true, format: 'date', example: '`2 Januari 2024`' }),
        col('alasan_perubahan', 'text', {
          required: false,
          format: 'text, for a revised PK',
          example: '`Pergeseran anggaran`',
        }),
      ],
    },
    {
      name: 'Target',
      required: true,
      layout: 'table',
      key: ['kode_indikator'],
      columns: [
        col('kode_indikator', 'text', {
          required: true,
          format: 'unique; an indicator of the plan in force',
          example: '`IKU-1`',
        }),
        col('target', 'target', {
          required: true,
          format:
            "target cell; `%` and ranges are checked against the indicator's satuan and polarity",
          example: '`30%`',
        }),
        col('satuan_hitung', 'text', {
          required: false,
          format: 'what a count counts; must agree with a unit written in the cell',
          example: '`dokumen`',
        }),
      ],
    },
    {
      name: 'Anggaran',
      required: false,
      layout: 'table',
      key: ['kode_program'],
      columns: [
        col('kode_program', 'text', {
          required: true,
          format: 'unique; program code of the Renstra in force',
          example: '`SAS-49`',
        }),
        col('pagu', 'amount', {
          required: true,
          format: 'rupiah amount, no `%`, ≥ 0',
          example: '`Rp 1.500.000.000`, `1500000000`',
        }),
      ],
    },
  ],
};

const ANGGARAN_DEF: TemplateDef = {
  kind: 'anggaran',
  reimport:
    'Rows with the same id_opd, tahun, tahap and dokumen form one budget document. A row replaces the line with the same key of that document (or, for a document not recorded yet, of the stage in force before it); lines the file does not mention keep their pagu. With "replace the whole period" the document holds exactly the file\'s lines.',
  sheets: [
    {
      name: 'Anggaran',
      required: true,
      layout: 'table',
      key: [
        'id_opd',
        'tahun',
        'tahap',
        'dokumen',
        'kode_program',
        'kode_kegiatan',
        'kode_sub_kegiatan',
        'sumber_dana',
      ],
      columns: [
        OPD_ID,
        YEAR,
        col('tahap', 'enum', {
          required: true,
          values: enumOf(...BUDGET_STAGES),
          format: oneOf(BUDGET_STAGES),
          example: '`dpa_pengesahan`',
        }),
        col('dokumen', 'text', {
          required: true,
          format: 'document reference',
          example: '`DPA-SKPD 2.17/2024`',
        }),
        col('tanggal', 'date', {
          required: true,
          format: 'date; the same on every row of one document',
          example: '`2 Januari 2024`',
        }),
        PROGRAM,
        KEGIATAN,
        SUB_KEGIATAN,
        col('pagu', 'amount', {
          required: true,
          format: 'amount, no `%`, ≥ 0',
          example: '`150.000.000`',
        }),
        col('sumber_dana', 'enum', {
          required: true,
          values: enumOf(...FUNDING_SOURCES),
          format: oneOf(FUNDING_SOURCES),
          example: '`DAU`',
        }),
      ],
    },
  ],
};

const TARGET_DEF: TemplateDef = {
  kind: 'target',
  reimport:
    'A row replaces the target of the same (id_opd, nomor_sk, kode_indikator, tahun) in a draft decree; the indicator\'s other years stay as they are. Targets of an enacted decree cannot change: the same values report "unchanged", others are refused.',
  sheets: [
    {
      name: 'Target',
      required: true,
      layout: 'table',
      key: ['id_opd', 'nomor_sk', 'kode_indikator', 'tahun'],
      columns: [
        OPD_ID,
        col('nomor_sk', 'text', {
          required: true,
          format: 'number of a decree of the OPD',
          example: '`050/18/KPTS/III.06/1/2023`',
        }),
        col('kode_indikator', 'text', {
          required: true,
          format: 'an indicator of that decree',
          example: '`IKU-4`',
        }),
        col('tahun', 'year', { required: true, format: 'year', example: '`2023`' }),
        col('target', 'target', {
          required: true,
          format: "target cell; `%` must match the indicator's satuan",
          example: '`887,43`',
        }),
      ],
    },
  ],
};

const REALISASI_DEF: TemplateDef = {
  kind: 'realisasi',
  reimport:
    'A row replaces the realization of the same (id_opd, kode_indikator, tahun, periode) (a new version when the value or evidence differs, nothing when they are the same); a Pembanding row replaces the figure of the same (cakupan, kode_wilayah, kunci_indikator, tahun). Realizations and figures the file does not mention stay as they are.',
  sheets: [
    {
      name: 'Realisasi',
      required: true,
      layout: 'table',
      key: ['id_opd', 'kode_indikator', 'tahun', 'periode'],
      columns: [
        OPD_ID,
        col('kode_indikator', 'text', {
          required: true,
          format: 'an indicator of the plan in force',
          example: '`IKU-1`',
        }),
        YEAR,
        PERIOD('`TW1`, `Triwulan II`, `TAHUN`'),
        col('nilai', 'number', {
          required: false,
          requiredWhen: 'when `input` is empty',
          format: "number; `%` only where the indicator's satuan is `%`; may be negative",
          example: '`32,89%`, `912,64`',
        }),
        col('input', 'inputs', {
          required: false,
          requiredWhen: 'when `nilai` is empty',
          format: 'formula inputs, see below',
          example: '`Jumlah koperasi sehat=25; Jumlah koperasi=76`',
        }),
        col('dokumen', 'text', {
          required: true,
          format: 'bukti dukung: the source document',
          missing:
            'Bukti dukung: dokumen sumber wajib diisi / evidence: the source document is required',
          example: '`Laporan Capaian Kinerja TW IV 2024`',
        }),
        col('sumber_data', 'text', {
          required: true,
          format: 'bukti dukung: the data source',
          missing: 'Bukti dukung: sumber data wajib diisi / evidence: the data source is required',
          example: '`Bidang Koperasi UKM`',
        }),
        col('catatan', 'text', {
          required: false,
          format: "the realization's note (this column is data here)",
          example: '',
        }),
      ],
    },
    {
      name: 'Pembanding',
      required: false,
      layout: 'table',
      key: ['cakupan', 'kode_wilayah', 'kunci_indikator', 'tahun'],
      columns: [
        col('cakupan', 'enum', {
          required: true,
          values: SCOPES,
          format: oneOf(['provinsi', 'nasional']),
          example: '`provinsi`',
        }),
        col('kode_wilayah', 'text', {
          required: false,
          requiredWhen: 'provinsi: yes, 2 digits; nasional: must be empty',
          format: 'province code',
          example: '`18`',
        }),
        col('kunci_indikator', 'text', {
          required: true,
          format: 'indicator key (catalog code, or the local indicator code)',
          example: '`IKU-4`',
        }),
        YEAR,
        col('nilai', 'number', {
          required: true,
          format: 'number (`%` kept as `percent`)',
          example: '`68.512,30`',
        }),
        col('sumber', 'text', {
          required: true,
          format: 'text',
          example: '`BPS Provinsi Lampung`',
        }),
      ],
    },
  ],
};

const narrative = (name: string, format: string, example: string) =>
  col(name, 'text', {
    required: false,
    requiredWhen: 'at least one of the three',
    format,
    example,
  });

const NARASI_DEF: TemplateDef = {
  kind: 'narasi',
  reimport:
    'A row replaces the narrative of the same (id_opd, kode_sasaran, tahun); narratives the file does not mention stay as they are.',
  sheets: [
    {
      name: 'Narasi',
      required: true,
      layout: 'table',
      key: ['id_opd', 'kode_sasaran', 'tahun'],
      columns: [
        OPD_ID,
        col('kode_sasaran', 'text', {
          required: true,
          format: 'sasaran code of the plan in force',
          example: '`SS-1`',
        }),
        YEAR,
        narrative(
          'faktor_pendukung',
          'text, ≤ 10,000 characters; line breaks kept',
          '`Pendampingan rutin oleh pengawas koperasi …`',
        ),
        narrative(
          'faktor_penghambat',
          'text, ≤ 10,000 characters',
          '`Sebagian koperasi belum menyelenggarakan RAT tepat waktu …`',
        ),
        narrative('solusi', 'text, ≤ 10,000 characters', '`Jadwal pendampingan RAT dipercepat …`'),
      ],
    },
  ],
};

const SERAPAN_DEF: TemplateDef = {
  kind: 'serapan',
  reimport:
    'A row replaces the spending line with the same (id_opd, tahun, periode, kode_program, kode_kegiatan, kode_sub_kegiatan); lines of the period the file does not mention keep their amount. With "replace the whole period" each period in the file holds exactly the file\'s lines.',
  sheets: [
    {
      name: 'Serapan',
      required: true,
      layout: 'table',
      key: ['id_opd', 'tahun', 'periode', 'kode_program', 'kode_kegiatan', 'kode_sub_kegiatan'],
      columns: [
        OPD_ID,
        YEAR,
        PERIOD('`TW3`'),
        PROGRAM,
        KEGIATAN,
        SUB_KEGIATAN,
        col('realisasi', 'rupiah', {
          required: true,
          format: 'rupiah: Indonesian number, no `%`, ≥ 0, at most 2 decimals',
          example: '`1.250.000.000,50`',
        }),
      ],
    },
  ],
};

export const TEMPLATES: Record<ImportKind, TemplateDef> = {
  organisasi: ORGANISASI_DEF,
  sk: SK_DEF,
  pk: PK_DEF,
  anggaran: ANGGARAN_DEF,
  target: TARGET_DEF,
  realisasi: REALISASI_DEF,
  narasi: NARASI_DEF,
  serapan: SERAPAN_DEF,
};

export function sheetDef(kind: ImportKind, sheet: string): SheetDef {
  const s = TEMPLATES[kind].sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`template ${kind} has no sheet ${sheet}`);
  return s;
}
const columnsOf = (kind: ImportKind, sheet: string) => sheetDef(kind, sheet).columns;

export const SK_KEYS = columnsOf('sk', 'SK');
export const RENSTRA = columnsOf('sk', 'Renstra');
/** Plus one `target_<tahun>` column per year of the period (declared as `target_<tahun>`). */
export const INDIKATOR = columnsOf('sk', 'Indikator').filter(
  (c) => c.name !== 'target_<tahun>' && c.name !== 'catatan',
);
export const TARGET_COLUMN = /^target_(\d{4})$/;
export const RETIRE = columnsOf('sk', 'Retire');
export const PK_KEYS = columnsOf('pk', 'PK');

/** Sheets of each template, in order; `required` sheets must be present. */
export const TEMPLATE_SHEETS: Record<ImportKind, { name: string; required: boolean }[]> =
  Object.fromEntries(
    Object.values(TEMPLATES).map((t) => [
      t.kind,
      t.sheets.map((s) => ({ name: s.name, required: s.required })),
    ]),
  ) as Record<ImportKind, { name: string; required: boolean }[]>;
