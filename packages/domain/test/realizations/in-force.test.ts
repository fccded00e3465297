import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/decider';
import {
  realizationDecider,
  realizationInForce,
  streamInForce,
  UNVERIFIED_MARK,
  type Period,
  type RealizationInForce,
  type RealizationEvent,
} from '../../src/realizations';
import {
  evidence,
  inStatus,
  operator,
  recorded,
  returned,
  submitted,
  verifiedByHead,
  verifiedByInspector,
  verifiedHead,
} from './fixtures';

const P: Period = 'TW1';
const stateOf = (events: RealizationEvent[]) => fold(realizationDecider, events);

const corrected = (version: number, value: string): RealizationEvent => ({
  type: 'RealizationCorrected',
  data: {
    period: P,
    version,
    previousVersion: version - 1,
    reason: 'Salah ketik jumlah koperasi',
    actor: operator,
    value,
    inputs: null,
    formula: null,
    evidence,
    note: null,
  },
});

const verifiedV1 = inStatus(P).verified;
const correction = [...verifiedV1, corrected(2, '33')];

describe('realizationInForce: the last verified version counts', () => {
  it.each<[string, RealizationEvent[], Omit<RealizationInForce, 'period'>]>([
    [
      'draft: nothing in force, the draft waits',
      inStatus(P).draft,
      {
        verified: null,
        unverified: { version: 1, value: '32.5', status: 'draft' },
      },
    ],
    [
      'submitted: nothing in force',
      inStatus(P).submitted,
      {
        verified: null,
        unverified: { version: 1, value: '32.5', status: 'submitted' },
      },
    ],
    [
      'verified by the head, waiting for the Inspektorat: not in force yet',
      inStatus(P).verified_head,
      {
        verified: null,
        unverified: { version: 1, value: '32.5', status: 'verified_head' },
      },
    ],
    [
      'returned: nothing in force',
      inStatus(P).returned,
      {
        verified: null,
        unverified: { version: 1, value: '32.5', status: 'returned' },
      },
    ],
    [
      'verified by the head (no Inspektorat step): in force, nothing pending',
      verifiedV1,
      {
        verified: { version: 1, value: '32.5' },
        unverified: null,
      },
    ],
    [
      'verified by the Inspektorat: in force',
      [...inStatus(P).verified_head, verifiedByInspector(P)],
      {
        verified: { version: 1, value: '32.5' },
        unverified: null,
      },
    ],
    [
      'correction in draft: the verified value stays in force',
      correction,
      {
        verified: { version: 1, value: '32.5' },
        unverified: { version: 2, value: '33', status: 'draft' },
      },
    ],
    [
      'correction re-recorded and submitted: still the verified value',
      [...correction, recorded(P, 2, '34'), submitted(P, 2)],
      {
        verified: { version: 1, value: '32.5' },
        unverified: { version: 2, value: '34', status: 'submitted' },
      },
    ],
    [
      'correction verified by the head, waiting for the Inspektorat: still version 1',
      [...correction, submitted(P, 2), verifiedHead(P, 2)],
      {
        verified: { version: 1, value: '32.5' },
        unverified: { version: 2, value: '33', status: 'verified_head' },
      },
    ],
    [
      'correction returned: still version 1',
      [...correction, submitted(P, 2), returned(P, 2)],
      {
        verified: { version: 1, value: '32.5' },
        unverified: { version: 2, value: '33', status: 'returned' },
      },
    ],
    [
      'correction verified: the correction is in force',
      [...correction, submitted(P, 2), verifiedByHead(P, 2)],
      {
        verified: { version: 2, value: '33' },
        unverified: null,
      },
    ],
    [
      'second correction pending after a verified first: version 2 in force',
      [...correction, submitted(P, 2), verifiedByHead(P, 2), corrected(3, '35')],
      {
        verified: { version: 2, value: '33' },
        unverified: { version: 3, value: '35', status: 'draft' },
      },
    ],
    [
      'returned then recorded again (version 2 draft): nothing in force',
      [...inStatus(P).returned, recorded(P, 2, '31')],
      {
        verified: null,
        unverified: { version: 2, value: '31', status: 'draft' },
      },
    ],
  ])('%s', (_name, events, expected) =>
    expect(realizationInForce(stateOf(events), P)).toEqual({ period: P, ...expected }),
  );

  it('a period never recorded has nothing', () =>
    expect(realizationInForce(stateOf(verifiedV1), 'TW2')).toBeNull());
});

describe('streamInForce', () => {
  it('splits every period into verified values and pending ones, counting the pending', () => {
    const events: RealizationEvent[] = [
      ...verifiedV1,
      corrected(2, '33'),
      ...inStatus('TW2').submitted,
      recorded('TW3', 1, '40'),
      ...inStatus('TW4').verified,
    ];
    expect(streamInForce(stateOf(events))).toEqual({
      verified: { TW1: '32.5', TW4: '32.5' },
      unverified: {
        TW1: { version: 2, value: '33', status: 'draft' },
        TW2: { version: 1, value: '32.5', status: 'submitted' },
        TW3: { version: 1, value: '40', status: 'draft' },
      },
      pending: 3,
    });
  });

  it('an empty stream has nothing in force and nothing pending', () =>
    expect(streamInForce(stateOf([]))).toEqual({ verified: {}, unverified: {}, pending: 0 }));

  it('names the mark in both languages', () =>
    expect(UNVERIFIED_MARK).toEqual({ id: 'belum diverifikasi', en: 'not verified' }));
});
