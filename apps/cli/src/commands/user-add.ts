import { registerUserInput } from '@sakip/contracts';
import { userUseCases } from '@sakip/application';
import type { CliRuntime } from '../runtime';
import { parseInput } from '../parse-input';

export interface UserAddOptions {
  username: string;
  name: string;
  role: string;
  scope: string;
  password: string;
}

/** `--scope` is `national`, a province `18`, a region `18.04` or an OPD id `18.04-DISKOPUKM`. */
export function parseScope(text: string): {
  level: 'national' | 'province' | 'region' | 'opd';
  code: string;
} {
  if (text === 'national' || text === '') return { level: 'national', code: '' };
  if (/^\d{2}$/.test(text)) return { level: 'province', code: text };
  if (/^\d{2}\.\d{2}$/.test(text)) return { level: 'region', code: text };
  return { level: 'opd', code: text };
}

export async function userAdd(rt: CliRuntime, o: UserAddOptions): Promise<string> {
  const input = parseInput(registerUserInput, {
    username: o.username,
    displayName: o.name,
    password: o.password,
    bindings: [{ role: o.role, scope: parseScope(o.scope) }],
  });
  const result = await rt.executor.execute(userUseCases.registerUser, input, rt.context());
  return `user ${o.username} added (${o.role} @ ${o.scope}) — stream ${result.streamId} v${result.nextExpectedVersion}`;
}
