import type { Command } from './command.ts';
import { parseOptions, UsageError } from './command.ts';
import { makeLogger, openForCommand } from './runtime.ts';
import { loadConfig } from '../config.ts';
import { passwordSource, readNewPassword } from './password-input.ts';
import type { PasswordSource } from './password-input.ts';
import { HttpError } from '../platform/http/errors.ts';
import { CommandFailure } from './failures.ts';
import type { Platform } from '../platform/context.ts';

const HELP = `Usage: lightpath user <create|set-password|token|list> …
  lightpath user create USERNAME [--email E] [--full-name N] [--staff] [--password-stdin | --no-password]
  lightpath user set-password USERNAME [--password-stdin]
  lightpath user token USERNAME --name NAME [--scope read|write] [--expires-in-days N]
  lightpath user list

create        makes an account. In a terminal it asks for the password twice; in a script, pipe
              it in with --password-stdin (the first line of standard input):
                printf '%s\\n' "$PASSWORD" | lightpath user create alice --password-stdin
              --no-password makes an account that cannot log in with a password.
set-password  sets a new password (asked, or --password-stdin), as a reset: it ends the user's
              login sessions and revokes their API tokens.
token         issues a personal API token and prints it once; send it as
              "Authorization: Bearer <token>". Read scope allows GET only.
list          prints every account.`;

export const user: Command = {
  name: 'user',
  summary: 'create users, set passwords, issue API tokens',
  help: HELP,
  async run(args) {
    const [action, ...rest] = args;
    if (!action || action === '--help' || action === '-h') {
      process.stdout.write(`${HELP}\n`);
      return action ? 0 : 64;
    }
    const { values, positionals } = parseOptions(rest, {
      email: { type: 'string' }, 'full-name': { type: 'string' }, staff: { type: 'boolean' }, 'no-password': { type: 'boolean' },
      name: { type: 'string' }, scope: { type: 'string' }, 'expires-in-days': { type: 'string' },
      'password-stdin': { type: 'boolean' },
    });
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (values['password-stdin'] && values['no-password']) throw new UsageError('--password-stdin and --no-password exclude each other');
    const asksPassword = (action === 'create' && !values['no-password']) || action === 'set-password';
    const source = asksPassword ? passwordSource(Boolean(values['password-stdin'])) : null;
    const config = loadConfig();
    const platform = await openForCommand(config, makeLogger(config, true));
    try {
      return await perform(platform, action, positionals, values, source);
    } catch (error) {
      if (error instanceof HttpError) throw new CommandFailure(error.detail, 1, { cause: error });
      throw error;
    } finally {
      await platform.close();
    }
  },
};

async function perform(
  platform: Platform, action: string, positionals: string[], values: Record<string, string | boolean | undefined>, source: PasswordSource | null,
): Promise<number> {
  const username = positionals[0];
  if (action === 'list') {
    const { users } = await platform.users.list({ limit: 100000, offset: 0 });
    for (const u of users) process.stdout.write(`${u.username}\t${u.fullName}\t${u.email}\t${u.isStaff ? 'staff' : ''}\t${u.isActive ? '' : 'inactive'}\n`);
    return 0;
  }
  if (!username) throw new UsageError(`user ${action} needs a USERNAME`);
  if (action === 'create') {
    const password = source ? await readNewPassword(source) : null;
    const created = await platform.users.create({
      username, email: values.email as string | undefined, fullName: values['full-name'] as string | undefined,
      isStaff: Boolean(values.staff), password,
    });
    process.stdout.write(`Created user ${created.username}${created.isStaff ? ' (staff)' : ''}.\n`);
    return 0;
  }
  const found = await platform.users.findByUsername(username);
  if (!found) throw new CommandFailure(`no user named "${username}": see lightpath user list`);
  if (action === 'set-password') {
    // A reset by the operator: whoever knew the old password may hold tokens made with it.
    await platform.users.update(found.id, { password: await readNewPassword(source!) });
    await platform.sessions.destroyAllFor(found.id);
    const revoked = await platform.tokens.revokeAllFor(found.id);
    process.stdout.write(`Password set for ${username}; their login sessions have ended and ${revoked} API token(s) were revoked.\n`);
    return 0;
  }
  if (action === 'token') {
    if (typeof values.name !== 'string' || values.name === '') throw new UsageError('user token needs --name');
    const scope = (values.scope ?? 'read') as string;
    if (scope !== 'read' && scope !== 'write') throw new UsageError('--scope is read or write');
    let expiresAt: string | null = null;
    if (values['expires-in-days'] !== undefined) {
      const days = Number(values['expires-in-days']);
      if (!(days > 0)) throw new UsageError('--expires-in-days must be a positive number');
      expiresAt = new Date(Date.now() + days * 86400_000).toISOString();
    }
    const issued = await platform.tokens.issue(found.id, { name: values.name, scope, expiresAt });
    process.stdout.write(`${issued.token}\n`);
    return 0;
  }
  throw new UsageError(`unknown action "${action}"`);
}
