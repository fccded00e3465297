import type { Decider } from '../shared/decider';
import { fail } from '../shared/errors';
import { deepEqual } from '../shared/equal';
import { validatePredikatScale, type EfficiencyMethod, type PredikatScale } from '../measurement';
import { levelOfCode, provinceOf, type RegionLevel } from './region-code';
import { defaultTimeZoneOf, isPemdaTimeZone, type PemdaTimeZone } from './time-zone';

export type RegionCommand =
  | { type: 'RegisterRegion'; code: string; name: string; codeEdition: string }
  | { type: 'RenameRegion'; code: string; name: string; legalBasis?: string | undefined }
  | { type: 'ConfigureMeasurement'; code: string; settings: MeasurementSettings }
  | { type: 'ConfigureTimeZone'; code: string; timeZone: PemdaTimeZone };

/**
 * How a pemda measures (SAKIP.md leaves these to each pemda): capaian method for lower-is-better
 * indicators, predikat scale, efficiency method, and whether the Inspektorat verifies too.
 */
export interface MeasurementSettings {
  inspectorRequired: boolean;
  lowerIsBetterMethod: 'two_t_minus_r' | 'inverse_ratio';
  efficiencyMethod: EfficiencyMethod;
  predikatScale: PredikatScale | null;
}

export const DEFAULT_MEASUREMENT_SETTINGS: MeasurementSettings = {
  inspectorRequired: false,
  lowerIsBetterMethod: 'two_t_minus_r',
  efficiencyMethod: 'ratio',
  predikatScale: null,
};

export type RegionEvent =
  | {
      type: 'RegionRegistered';
      data: {
        code: string;
        level: RegionLevel;
        provinceCode: string;
        name: string;
        codeEdition: string;
      };
    }
  | {
      type: 'RegionRenamed';
      data: { code: string; previousName: string; name: string; legalBasis: string | null };
    }
  | { type: 'MeasurementConfigured'; data: { code: string; settings: MeasurementSettings } }
  | {
      type: 'TimeZoneConfigured';
      data: { code: string; previousTimeZone: PemdaTimeZone; timeZone: PemdaTimeZone };
    };

export interface RegionState {
  registered: boolean;
  code: string;
  name: string;
  /** Every name the region had, oldest first. */
  names: string[];
  settings: MeasurementSettings;
  /** The zone the pemda chose; null until it chooses (then its province's zone applies). */
  timeZone: PemdaTimeZone | null;
}

/** The zone every timestamp of this pemda is shown in. */
export function timeZoneOfRegion(state: Pick<RegionState, 'code' | 'timeZone'>): PemdaTimeZone {
  return state.timeZone ?? defaultTimeZoneOf(state.code);
}

export const regionStreamId = (code: string): string => `region-${code}`;

export const regionDecider: Decider<RegionCommand, RegionEvent, RegionState> = {
  initialState: {
    registered: false,
    code: '',
    name: '',
    names: [],
    settings: DEFAULT_MEASUREMENT_SETTINGS,
    timeZone: null,
  },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterRegion': {
        // The same registration again (a re-import) changes nothing.
        if (state.registered && state.name === command.name.trim()) return [];
        if (state.registered) {
          fail(
            'region_exists',
            `Wilayah ${command.code} sudah terdaftar`,
            `Region ${command.code} is already registered`,
            ['code'],
          );
        }
        const level = levelOfCode(command.code);
        return [
          {
            type: 'RegionRegistered',
            data: {
              code: command.code,
              level,
              provinceCode: provinceOf(command.code),
              name: command.name.trim(),
              codeEdition: command.codeEdition.trim(),
            },
          },
        ];
      }
      case 'RenameRegion': {
        if (!state.registered) {
          fail(
            'region_not_found',
            `Wilayah ${command.code} belum terdaftar`,
            `Region ${command.code} is not registered`,
            ['code'],
          );
        }
        const name = command.name.trim();
        if (name === state.name) {
          fail(
            'same_name',
            'Nama baru sama dengan nama sekarang',
            'The new name equals the current name',
            ['name'],
          );
        }
        return [
          {
            type: 'RegionRenamed',
            data: {
              code: state.code,
              previousName: state.name,
              name,
              legalBasis: command.legalBasis ?? null,
            },
          },
        ];
      }
      case 'ConfigureMeasurement': {
        if (!state.registered) {
          fail(
            'region_not_found',
            `Wilayah ${command.code} belum terdaftar`,
            `Region ${command.code} is not registered`,
            ['code'],
          );
        }
        if (command.settings.predikatScale) {
          const v = validatePredikatScale(command.settings.predikatScale);
          if (!v.ok)
            fail(
              'invalid_scale',
              `Skala predikat tidak valid: ${v.errors.join('; ')}`,
              `Invalid predikat scale: ${v.errors.join('; ')}`,
              ['settings', 'predikatScale'],
            );
        }
        if (deepEqual(state.settings, command.settings)) return [];
        return [
          { type: 'MeasurementConfigured', data: { code: state.code, settings: command.settings } },
        ];
      }
      case 'ConfigureTimeZone': {
        if (!state.registered) {
          fail(
            'region_not_found',
            `Wilayah ${command.code} belum terdaftar`,
            `Region ${command.code} is not registered`,
            ['code'],
          );
        }
        if (!isPemdaTimeZone(command.timeZone)) {
          fail(
            'invalid_time_zone',
            `Zona waktu "${String(command.timeZone)}" tidak dikenal: pilih WIB, WITA atau WIT`,
            `Unknown time zone "${String(command.timeZone)}": choose WIB, WITA or WIT`,
            ['timeZone'],
          );
        }
        const previousTimeZone = timeZoneOfRegion(state);
        // Choosing the zone already in force (also the province default) is recorded once, so
        // the choice stays even if the default table changes; the same choice again is a no-op.
        if (state.timeZone === command.timeZone) return [];
        return [
          {
            type: 'TimeZoneConfigured',
            data: { code: state.code, previousTimeZone, timeZone: command.timeZone },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'RegionRegistered':
        return {
          ...state,
          registered: true,
          code: event.data.code,
          name: event.data.name,
          names: [event.data.name],
        };
      case 'RegionRenamed':
        return { ...state, name: event.data.name, names: [...state.names, event.data.name] };
      case 'MeasurementConfigured':
        return { ...state, settings: event.data.settings };
      case 'TimeZoneConfigured':
        return { ...state, timeZone: event.data.timeZone };
    }
  },
};
