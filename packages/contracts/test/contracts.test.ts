import { describe, expect, it } from 'vitest';
import { addUnitInput, registerOpdInput, registerUserInput, roleBinding } from '../src/index';

describe('contracts', () => {
  it.each([
    [{ level: 'national', code: '' }, true],
    [{ level: 'province', code: '18' }, true],
    [{ level: 'region', code: '18.04' }, true],
    [{ level: 'region', code: '18' }, false],
    [{ level: 'opd', code: '18.04-DISKOPERINDAG' }, true],
    [{ level: 'opd', code: '18.04' }, false],
    [{ level: 'national', code: '18' }, false],
  ])('scope %j valid: %s', (scope, ok) => {
    expect(roleBinding.safeParse({ role: 'viewer', scope }).success).toBe(ok);
  });

  it('names the field and explains in both languages', () => {
    const r = registerOpdInput.safeParse({
      regionCode: '18.4',
      code: 'dinas kesehatan',
      name: 'D',
    });
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['regionCode', expect.stringMatching(/PP\.KK.*\/.*region code/)],
      ['code', expect.stringMatching(/Kode OPD.*\/.*OPD code/)],
      ['name', expect.stringMatching(/terlalu pendek.*\/.*too short/)],
    ]);
  });

  it('fills defaults for optional structure fields and accepts seed codes like SUBBAG-UMPEG', () => {
    expect(
      addUnitInput.parse({
        opdId: '18.04-DISKOPERINDAG',
        code: 'SUBBAG-UMPEG',
        name: 'Sub Bagian Umum',
        kind: 'sub_bagian',
      }),
    ).toMatchObject({ parentCode: null });
  });

  it('requires a password of at least 8 characters and one role', () => {
    const r = registerUserInput.safeParse({
      username: 'op.lambar',
      displayName: 'O',
      password: 'short',
      bindings: [],
    });
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual([
      'displayName',
      'password',
      'bindings',
    ]);
  });
});
