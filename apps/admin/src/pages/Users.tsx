import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { grantRoleInput, registerUserInput, revokeRoleInput } from '@sakip/contracts';
import {
  ROLE_SCOPE_LEVELS,
  ROLES,
  type Role,
  type RoleBinding,
  type ScopeLevel,
} from '@sakip/domain';
import { api } from '../lib/api';
import { useMe, useT } from '../lib/context';
import { describeError, fieldErrorMap, validate, type Problem } from '../lib/errors';
import { canAnywhere } from '../lib/perms';
import {
  ErrorBox,
  Loading,
  Notice,
  Pager,
  SelectField,
  TextField,
  usePaged,
} from '../components/ui';

const scopeText = (b: RoleBinding) =>
  b.scope.level === 'national' ? 'national' : `${b.scope.level} ${b.scope.code}`;

/** Accounts within the admin's scope (users.list), registration and role grants/revocations. */
export default function Users() {
  const { t, lang } = useT();
  const me = useMe();
  const qc = useQueryClient();
  const manage = canAnywhere(me.bindings, 'user.manage');
  const users = useQuery({
    queryKey: ['users.list'],
    queryFn: () => api.users.list.query(),
    enabled: manage,
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (i: Parameters<typeof api.users.revokeRole.mutate>[0]) =>
      api.users.revokeRole.mutate(i),
  });
  const list = users.data ?? [];
  const paged = usePaged(list, 20);
  const refresh = () => qc.invalidateQueries({ queryKey: ['users.list'] });

  async function revokeBinding(username: string, binding: RoleBinding) {
    if (!window.confirm(t('users.revokeConfirm', { role: binding.role, user: username }))) return;
    setDone(null);
    const v = validate(revokeRoleInput, { username, binding }, lang);
    if (!v.ok) return;
    try {
      await revoke.mutateAsync(v.data);
      setProblem(null);
      setDone(t('users.revoked'));
      await refresh();
    } catch (err) {
      setProblem(describeError(err, lang));
    }
  }

  return (
    <section>
      <h1>{t('users.title')}</h1>
      {!manage && <p className="alert alert-info">{t('users.readOnly')}</p>}
      <ErrorBox problem={problem} />
      {done && <Notice kind="ok">{done}</Notice>}
      {manage && (
        <div className="card">
          <h2>{t('users.list')}</h2>
          {users.isLoading && <Loading />}
          <ErrorBox error={users.error} />
          {users.data && list.length === 0 && <p className="muted">{t('common.none')}</p>}
          {list.length > 0 && (
            <table data-testid="users">
              <thead>
                <tr>
                  <th scope="col">{t('users.username')}</th>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col">
                    {t('users.role')} · {t('users.scope')}
                  </th>
                  <th scope="col">{t('common.status')}</th>
                </tr>
              </thead>
              <tbody>
                {paged.slice.map((u) => (
                  <tr key={u.username} data-user={u.username}>
                    <td className="code">{u.username}</td>
                    <td>{u.displayName}</td>
                    <td>
                      <ul className="plain">
                        {u.bindings.map((b) => (
                          <li key={`${b.role}-${b.scope.level}-${b.scope.code}`}>
                            <strong>{b.role}</strong> · {scopeText(b)}{' '}
                            <button
                              type="button"
                              className="btn-link"
                              onClick={() => revokeBinding(u.username, b)}
                              disabled={revoke.isPending}
                              aria-label={`${t('users.revoke')} ${b.role} ${u.username}`}
                            >
                              {t('users.revoke')}
                            </button>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {u.disabled ? (
                        <span className="badge st-returned">{t('users.disabled')}</span>
                      ) : (
                        <span className="badge st-verified">{t('users.active')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager {...paged} />
        </div>
      )}
      {manage && <RegisterForm onDone={refresh} />}
      {manage && <GrantForm usernames={list.map((u) => u.username)} onDone={refresh} />}
      <div className="card">
        <h2>{t('users.you')}</h2>
        <p>
          <strong>{me.displayName}</strong> <span className="code">{me.username}</span>
        </p>
        <ul className="plain">
          {me.bindings.map((b, i) => (
            <li key={i}>
              <strong>{b.role}</strong> · {scopeText(b)}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** Role + scope level + scope code, the level limited to what the role allows. */
function BindingFields({
  value,
  onChange,
  errors,
  prefix,
}: {
  value: { role: Role; level: ScopeLevel; code: string };
  onChange: (v: { role: Role; level: ScopeLevel; code: string }) => void;
  errors: Record<string, string>;
  prefix: string;
}) {
  const { t } = useT();
  const levels = ROLE_SCOPE_LEVELS[value.role];
  return (
    <>
      <SelectField
        label={t('users.role')}
        value={value.role}
        onChange={(e) => {
          const role = e.target.value as Role;
          const level = ROLE_SCOPE_LEVELS[role].includes(value.level)
            ? value.level
            : ROLE_SCOPE_LEVELS[role][0]!;
          onChange({ ...value, role, level });
        }}
        error={errors[`${prefix}.role`]}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('users.scopeLevel')}
        value={value.level}
        onChange={(e) => onChange({ ...value, level: e.target.value as ScopeLevel })}
        error={errors[`${prefix}.scope.level`]}
      >
        {levels.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('users.scopeCode')}
        hint={t('users.scopeHint')}
        value={value.code}
        disabled={value.level === 'national'}
        onChange={(e) => onChange({ ...value, code: e.target.value })}
        error={errors[`${prefix}.scope.code`]}
      />
    </>
  );
}

const toBinding = (b: { role: Role; level: ScopeLevel; code: string }) => ({
  role: b.role,
  scope: { level: b.level, code: b.level === 'national' ? '' : b.code.trim() },
});

function RegisterForm({ onDone }: { onDone: () => Promise<unknown> }) {
  const { t, lang } = useT();
  const [f, setF] = useState({ username: '', displayName: '', password: '' });
  const [b, setB] = useState<{ role: Role; level: ScopeLevel; code: string }>({
    role: 'opd_operator',
    level: 'opd',
    code: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const reg = useMutation({
    mutationFn: (i: Parameters<typeof api.users.register.mutate>[0]) =>
      api.users.register.mutate(i),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    reg.reset();
    const v = validate(registerUserInput, { ...f, bindings: [toBinding(b)] }, lang);
    if (!v.ok) return setErrors(v.errors);
    try {
      await reg.mutateAsync(v.data);
      setErrors({});
      setProblem(null);
      setF({ username: '', displayName: '', password: '' });
      await onDone();
    } catch (err) {
      const p = describeError(err, lang);
      setErrors(fieldErrorMap(p.fieldErrors));
      setProblem(p);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="reg-title">
      <h2 id="reg-title">{t('users.add')}</h2>
      <ErrorBox problem={problem} />
      {reg.isSuccess && <Notice kind="ok">{t('users.added')}</Notice>}
      <div className="form-grid">
        <TextField
          label={t('users.username')}
          name="username"
          autoComplete="off"
          value={f.username}
          onChange={(e) => setF({ ...f, username: e.target.value })}
          error={errors.username}
        />
        <TextField
          label={t('users.displayName')}
          name="displayName"
          value={f.displayName}
          onChange={(e) => setF({ ...f, displayName: e.target.value })}
          error={errors.displayName}
        />
        <TextField
          label={t('users.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          value={f.password}
          onChange={(e) => setF({ ...f, password: e.target.value })}
          error={errors.password}
        />
        <BindingFields value={b} onChange={setB} errors={errors} prefix="bindings.0" />
      </div>
      {errors.bindings && <p className="field-error">{errors.bindings}</p>}
      <button type="submit" className="btn-primary" disabled={reg.isPending}>
        {t('users.add')}
      </button>
    </form>
  );
}

function GrantForm({ usernames, onDone }: { usernames: string[]; onDone: () => Promise<unknown> }) {
  const { t, lang } = useT();
  const [username, setUsername] = useState('');
  const [b, setB] = useState<{ role: Role; level: ScopeLevel; code: string }>({
    role: 'viewer',
    level: 'opd',
    code: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const grant = useMutation({
    mutationFn: (i: Parameters<typeof api.users.grantRole.mutate>[0]) =>
      api.users.grantRole.mutate(i),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    grant.reset();
    const v = validate(grantRoleInput, { username, binding: toBinding(b) }, lang);
    if (!v.ok) return setErrors(v.errors);
    try {
      await grant.mutateAsync(v.data);
      setErrors({});
      setProblem(null);
      await onDone();
    } catch (err) {
      const p = describeError(err, lang);
      setErrors(fieldErrorMap(p.fieldErrors));
      setProblem(p);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="grant-title">
      <h2 id="grant-title">{t('users.grant')}</h2>
      <ErrorBox problem={problem} />
      {grant.isSuccess && <Notice kind="ok">{t('users.granted')}</Notice>}
      <div className="form-grid">
        <SelectField
          label={t('users.username')}
          name="grantUser"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={errors.username}
        >
          <option value="">–</option>
          {usernames.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </SelectField>
        <BindingFields value={b} onChange={setB} errors={errors} prefix="binding" />
      </div>
      <button type="submit" disabled={grant.isPending}>
        {t('users.grant')}
      </button>
    </form>
  );
}
