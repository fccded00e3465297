// Province-level indicator catalog: each OPD's local indicator maps to one catalog indicator
// so dashboards compare like with like (same unit, same direction of "better").
import type { Decider } from '../shared/decider';
import { fail } from '../shared/errors';
import { isOpdId } from '../opds/opd-id';
import type { Polarity } from '../measurement';
import { normaliseSatuan, sameSatuan } from './satuan';

export interface CatalogIndicator {
  code: string;
  name: string;
  satuan: string;
  polarity: Polarity;
  description: string | null;
}

export interface LocalIndicatorShape {
  satuan: string;
  polarity: Polarity;
}

export interface CatalogMapping {
  opdId: string;
  indicatorCode: string;
  catalogCode: string;
  local: LocalIndicatorShape;
}

export type CatalogCommand =
  | {
      type: 'DefineCatalogIndicator';
      code: string;
      name: string;
      satuan: string;
      polarity: Polarity;
      description: string | null;
    }
  /** `local` is the OPD indicator's satuan and polarity, supplied by the application. */
  | {
      type: 'MapIndicator';
      opdId: string;
      indicatorCode: string;
      catalogCode: string;
      local: LocalIndicatorShape;
    }
  | { type: 'UnmapIndicator'; opdId: string; indicatorCode: string };

/**
 * Re-mapping a local indicator to another catalog code emits one `IndicatorRemapped` (with the
 * previous code) rather than an unmapped+mapped pair: it is one decision, and a reader of the
 * stream never sees the indicator briefly unmapped.
 */
export type CatalogEvent =
  | { type: 'CatalogIndicatorDefined'; data: CatalogIndicator }
  | { type: 'IndicatorMapped'; data: CatalogMapping }
  | { type: 'IndicatorRemapped'; data: CatalogMapping & { previousCatalogCode: string } }
  | {
      type: 'IndicatorUnmapped';
      data: { opdId: string; indicatorCode: string; catalogCode: string };
    };

export interface CatalogState {
  indicators: Record<string, CatalogIndicator>;
  /** Keyed by mappingKey(opdId, indicatorCode). */
  mappings: Record<string, CatalogMapping>;
}

export const catalogStreamId = (provinceCode: string): string => `catalog-${provinceCode}`;
export const mappingKey = (opdId: string, indicatorCode: string): string =>
  `${opdId}/${indicatorCode}`;

/** Local indicators mapped to a catalog code (for dashboards). */
export const mappingsOf = (state: CatalogState, catalogCode: string): CatalogMapping[] =>
  Object.values(state.mappings).filter((m) => m.catalogCode === catalogCode);

const POLARITIES = [
  'higher_better',
  'lower_better',
  'range',
] as const satisfies readonly Polarity[];
const CATALOG_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

const polarityLabel: Record<Polarity, string> = {
  higher_better: 'semakin tinggi semakin baik',
  lower_better: 'semakin rendah semakin baik',
  range: 'rentang',
};

function requireText(
  value: string | null | undefined,
  path: (string | number)[],
  id: string,
  en: string,
): string {
  const t = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
  if (t === '') fail('required', `${id} wajib diisi`, `${en} is required`, path);
  return t;
}

function requirePolarity(p: Polarity, path: (string | number)[]): Polarity {
  if (!(POLARITIES as readonly string[]).includes(p))
    fail(
      'invalid_polarity',
      `Polaritas "${String(p)}" tidak dikenal`,
      `Polarity "${String(p)}" is unknown`,
      path,
    );
  return p;
}

export const catalogDecider: Decider<CatalogCommand, CatalogEvent, CatalogState> = {
  initialState: { indicators: {}, mappings: {} },

  decide(command, state) {
    switch (command.type) {
      case 'DefineCatalogIndicator': {
        const code = command.code?.trim() ?? '';
        if (!CATALOG_CODE.test(code))
          fail(
            'catalog_invalid_code',
            `Kode katalog "${code}" tidak valid (contoh: KOP-SEHAT)`,
            `Catalog code "${code}" is invalid (e.g. KOP-SEHAT)`,
            ['code'],
          );
        const next: CatalogIndicator = {
          code,
          name: requireText(command.name, ['name'], 'Nama indikator', 'Indicator name'),
          satuan: requireText(command.satuan, ['satuan'], 'Satuan', 'Unit'),
          polarity: requirePolarity(command.polarity, ['polarity']),
          description: command.description?.trim() || null,
        };
        const prev = state.indicators[code];
        if (
          prev &&
          prev.name === next.name &&
          prev.satuan === next.satuan &&
          prev.polarity === next.polarity &&
          prev.description === next.description
        )
          return [];
        if (prev && mappingsOf(state, code).length > 0) {
          // Mapped OPD indicators were checked against the old unit and direction.
          if (!sameSatuan(prev.satuan, next.satuan)) {
            fail(
              'catalog_indicator_in_use',
              `Satuan ${code} tidak dapat diubah dari "${prev.satuan}" ke "${next.satuan}": sudah dipetakan oleh indikator OPD`,
              `Cannot change the unit of ${code} from "${prev.satuan}" to "${next.satuan}": OPD indicators are mapped to it`,
              ['satuan'],
            );
          }
          if (prev.polarity !== next.polarity) {
            fail(
              'catalog_indicator_in_use',
              `Polaritas ${code} tidak dapat diubah: sudah dipetakan oleh indikator OPD`,
              `Cannot change the polarity of ${code}: OPD indicators are mapped to it`,
              ['polarity'],
            );
          }
        }
        return [{ type: 'CatalogIndicatorDefined', data: next }];
      }
      case 'MapIndicator': {
        if (!isOpdId(command.opdId))
          fail(
            'invalid_opd_id',
            `ID OPD "${command.opdId}" tidak valid`,
            `OPD id "${command.opdId}" is invalid`,
            ['opdId'],
          );
        const indicatorCode = requireText(
          command.indicatorCode,
          ['indicatorCode'],
          'Kode indikator',
          'Indicator code',
        );
        const catalogCode = command.catalogCode?.trim() ?? '';
        const target = state.indicators[catalogCode];
        if (!target)
          fail(
            'catalog_code_unknown',
            `Kode katalog ${catalogCode} belum didefinisikan`,
            `Catalog code ${catalogCode} is not defined`,
            ['catalogCode'],
          );
        const local: LocalIndicatorShape = {
          satuan: requireText(
            command.local?.satuan,
            ['local', 'satuan'],
            'Satuan indikator OPD',
            'Local indicator unit',
          ),
          polarity: requirePolarity(command.local?.polarity, ['local', 'polarity']),
        };
        if (!sameSatuan(local.satuan, target.satuan)) {
          fail(
            'catalog_satuan_mismatch',
            `Satuan tidak cocok: indikator OPD "${local.satuan}", katalog ${catalogCode} "${target.satuan}"`,
            `Unit mismatch: OPD indicator "${local.satuan}" (${normaliseSatuan(local.satuan)}), catalog ${catalogCode} "${target.satuan}" (${normaliseSatuan(target.satuan)})`,
            ['local', 'satuan'],
          );
        }
        if (local.polarity !== target.polarity) {
          fail(
            'catalog_polarity_mismatch',
            `Polaritas tidak cocok: indikator OPD "${polarityLabel[local.polarity]}", katalog ${catalogCode} "${polarityLabel[target.polarity]}"`,
            `Polarity mismatch: OPD indicator ${local.polarity}, catalog ${catalogCode} ${target.polarity}`,
            ['local', 'polarity'],
          );
        }
        const mapping: CatalogMapping = { opdId: command.opdId, indicatorCode, catalogCode, local };
        const existing = state.mappings[mappingKey(command.opdId, indicatorCode)];
        if (existing?.catalogCode === catalogCode) return [];
        if (existing)
          return [
            {
              type: 'IndicatorRemapped',
              data: { ...mapping, previousCatalogCode: existing.catalogCode },
            },
          ];
        return [{ type: 'IndicatorMapped', data: mapping }];
      }
      case 'UnmapIndicator': {
        const existing =
          state.mappings[mappingKey(command.opdId, command.indicatorCode?.trim() ?? '')];
        // Unmapping what is not mapped changes nothing (idempotent retries and re-imports).
        if (!existing) return [];
        return [
          {
            type: 'IndicatorUnmapped',
            data: {
              opdId: existing.opdId,
              indicatorCode: existing.indicatorCode,
              catalogCode: existing.catalogCode,
            },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CatalogIndicatorDefined':
        return { ...state, indicators: { ...state.indicators, [event.data.code]: event.data } };
      case 'IndicatorMapped':
        return {
          ...state,
          mappings: {
            ...state.mappings,
            [mappingKey(event.data.opdId, event.data.indicatorCode)]: event.data,
          },
        };
      case 'IndicatorRemapped': {
        const { previousCatalogCode: _p, ...mapping } = event.data;
        return {
          ...state,
          mappings: {
            ...state.mappings,
            [mappingKey(mapping.opdId, mapping.indicatorCode)]: mapping,
          },
        };
      }
      case 'IndicatorUnmapped': {
        const { [mappingKey(event.data.opdId, event.data.indicatorCode)]: _gone, ...rest } =
          state.mappings;
        return { ...state, mappings: rest };
      }
    }
  },
};
