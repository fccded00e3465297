import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { defineCatalogIndicatorInput, mapIndicatorInput } from '@sakip/contracts';
import { POLARITIES } from '@sakip/domain';
import { api } from '../lib/api';
import { useMe, useT } from '../lib/context';
import { describeError, fieldErrorMap, validate, type Problem } from '../lib/errors';
import { can, provincesOf, regionTarget } from '../lib/perms';
import {
  ErrorBox,
  Loading,
  Notice,
  Pager,
  SelectField,
  TextField,
  usePaged,
} from '../components/ui';
import { flattenOpds } from './ProvinceStatus';

export default function Catalog() {
  const { t, lang } = useT();
  const me = useMe();
  const qc = useQueryClient();
  const tree = useQuery({ queryKey: ['org.tree'], queryFn: () => api.org.tree.query() });
  const allowed = provincesOf(me.bindings);
  const provinces = (tree.data ?? []).filter((p) => allowed === 'all' || allowed.includes(p.code));
  const [province, setProvince] = useState('');
  const prov = province || provinces[0]?.code || '';
  const catalog = useQuery({
    queryKey: ['catalog.list', prov],
    queryFn: () => api.catalog.list.query({ provinceCode: prov }),
    enabled: !!prov,
  });
  const manage = !!prov && can(me.bindings, 'catalog.manage', regionTarget(prov));
  const inds = catalog.data?.indicators ?? [];
  const maps = catalog.data?.mappings ?? [];
  const pagedInds = usePaged(inds, 15);
  const pagedMaps = usePaged(maps, 15);
  const opds = flattenOpds(provinces.filter((p) => p.code === prov));
  const refresh = () => qc.invalidateQueries({ queryKey: ['catalog.list', prov] });

  const [def, setDef] = useState({
    code: '',
    name: '',
    satuan: '',
    polarity: 'higher_better',
    description: '',
  });
  const [defErr, setDefErr] = useState<Record<string, string>>({});
  const [map, setMap] = useState({ opdId: '', indicatorCode: '', catalogCode: '' });
  const [mapErr, setMapErr] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const define = useMutation({
    mutationFn: (i: Parameters<typeof api.catalog.define.mutate>[0]) =>
      api.catalog.define.mutate(i),
  });
  const doMap = useMutation({
    mutationFn: (i: Parameters<typeof api.catalog.map.mutate>[0]) => api.catalog.map.mutate(i),
  });
  const unmap = useMutation({
    mutationFn: (i: Parameters<typeof api.catalog.unmap.mutate>[0]) => api.catalog.unmap.mutate(i),
  });

  async function run<T>(fn: () => Promise<T>, setErr: (e: Record<string, string>) => void) {
    setOk(null);
    try {
      await fn();
      setErr({});
      setProblem(null);
      setOk(t('common.saved'));
      await refresh();
    } catch (err) {
      const p = describeError(err, lang);
      setErr(fieldErrorMap(p.fieldErrors));
      setProblem(p);
    }
  }
  function onDefine(e: FormEvent) {
    e.preventDefault();
    const v = validate(
      defineCatalogIndicatorInput,
      { provinceCode: prov, ...def, description: def.description.trim() || null },
      lang,
    );
    if (!v.ok) return setDefErr(v.errors);
    void run(() => define.mutateAsync(v.data), setDefErr);
  }
  function onMap(e: FormEvent) {
    e.preventDefault();
    const v = validate(
      mapIndicatorInput,
      {
        provinceCode: prov,
        opdId: map.opdId || opds[0]?.opdId,
        indicatorCode: map.indicatorCode,
        catalogCode: map.catalogCode || inds[0]?.code,
      },
      lang,
    );
    if (!v.ok) return setMapErr(v.errors);
    void run(() => doMap.mutateAsync(v.data), setMapErr);
  }

  return (
    <section>
      <h1>{t('cat.title')}</h1>
      <SelectField
        label={t('common.province')}
        value={prov}
        onChange={(e) => setProvince(e.target.value)}
      >
        {provinces.map((p) => (
          <option key={p.code} value={p.code}>
            {p.code} · {p.name}
          </option>
        ))}
      </SelectField>
      {!manage && <p className="muted">{t('cat.readOnly')}</p>}
      <ErrorBox problem={problem} />
      {ok && <Notice kind="ok">{ok}</Notice>}
      {catalog.isLoading && <Loading />}
      <ErrorBox error={catalog.error} />
      <div className="card">
        <h2>
          {t('cat.title')} ({inds.length})
        </h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('common.code')}</th>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('common.unit')}</th>
              <th scope="col">{t('sk.polarity')}</th>
            </tr>
          </thead>
          <tbody>
            {pagedInds.slice.map((c) => (
              <tr key={c.code}>
                <td className="code">{c.code}</td>
                <td>{c.name}</td>
                <td>{c.satuan}</td>
                <td>{c.polarity}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager {...pagedInds} />
      </div>
      {manage && (
        <form className="card" onSubmit={onDefine} noValidate>
          <h2>{t('cat.define')}</h2>
          <div className="form-grid">
            <TextField
              label={t('common.code')}
              name="catCode"
              value={def.code}
              onChange={(e) => setDef({ ...def, code: e.target.value })}
              error={defErr.code}
            />
            <TextField
              label={t('common.name')}
              name="catName"
              value={def.name}
              onChange={(e) => setDef({ ...def, name: e.target.value })}
              error={defErr.name}
            />
            <TextField
              label={t('common.unit')}
              name="catSatuan"
              value={def.satuan}
              onChange={(e) => setDef({ ...def, satuan: e.target.value })}
              error={defErr.satuan}
            />
            <SelectField
              label={t('sk.polarity')}
              value={def.polarity}
              onChange={(e) => setDef({ ...def, polarity: e.target.value })}
              error={defErr.polarity}
            >
              {POLARITIES.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </SelectField>
            <TextField
              label={t('cat.description')}
              value={def.description}
              onChange={(e) => setDef({ ...def, description: e.target.value })}
              error={defErr.description}
            />
          </div>
          <button type="submit" className="btn-primary" disabled={define.isPending}>
            {t('cat.define')}
          </button>
        </form>
      )}
      <div className="card">
        <h2>
          {t('cat.mappings')} ({maps.length})
        </h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('common.opd')}</th>
              <th scope="col">{t('cat.localCode')}</th>
              <th scope="col">{t('cmp.catalog')}</th>
              <th scope="col">{t('common.unit')}</th>
              {manage && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {pagedMaps.slice.map((m) => (
              <tr key={m.opdId + m.indicatorCode}>
                <td className="code">{m.opdId}</td>
                <td className="code">{m.indicatorCode}</td>
                <td className="code">{m.catalogCode}</td>
                <td>{m.local.satuan}</td>
                {manage && (
                  <td>
                    <button
                      type="button"
                      className="btn-danger"
                      onClick={() =>
                        void run(
                          () =>
                            unmap.mutateAsync({
                              provinceCode: prov,
                              opdId: m.opdId,
                              indicatorCode: m.indicatorCode,
                            }),
                          () => {},
                        )
                      }
                    >
                      {t('cat.unmap')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <Pager {...pagedMaps} />
        {manage && inds.length > 0 && (
          <form onSubmit={onMap} noValidate className="form-grid">
            <SelectField
              label={t('common.opd')}
              value={map.opdId || opds[0]?.opdId || ''}
              onChange={(e) => setMap({ ...map, opdId: e.target.value })}
              error={mapErr.opdId}
            >
              {opds.map((o) => (
                <option key={o.opdId} value={o.opdId}>
                  {o.opdId} · {o.name}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('cat.localCode')}
              name="localCode"
              value={map.indicatorCode}
              onChange={(e) => setMap({ ...map, indicatorCode: e.target.value })}
              error={mapErr.indicatorCode}
            />
            <SelectField
              label={t('cmp.catalog')}
              value={map.catalogCode || inds[0]?.code || ''}
              onChange={(e) => setMap({ ...map, catalogCode: e.target.value })}
              error={mapErr.catalogCode}
            >
              {inds.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code}
                </option>
              ))}
            </SelectField>
            <div className="field">
              <span aria-hidden="true">&nbsp;</span>
              <button type="submit" disabled={doMap.isPending}>
                {t('cat.map')}
              </button>
            </div>
          </form>
        )}
      </div>
    </section>
  );
}
