// SSH public keys a project keeps on its profile; the facility's sshd fetches them through
// /api/v2/keys/<username>, one per line. A key is therefore checked to be exactly one OpenSSH
// public-key line — anything else (a second line, sshd options) would be a way to plant a key.
import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { badRequest, notFound } from '../platform/http/errors.ts';
import { isoNow } from '../platform/time.ts';
import { logActivity } from './activity.ts';
import type { SshKeysTable } from './tables.ts';
import { ownedBy } from './visibility.ts';
import type { Actor } from './visibility.ts';

export type SshKey = Selectable<SshKeysTable>;

const KEY_TYPES = new Set([
  'ssh-rsa', 'ssh-dss', 'ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com', 'sk-ecdsa-sha2-nistp256@openssh.com',
]);

/** "type base64 [comment]" with the blob naming the same type; returns the trimmed line. */
export function checkPublicKey(text: string): string {
  const line = text.trim();
  const invalid = (why: string) => badRequest(`Not an OpenSSH public key: ${why}.`, { key: [why] });
  if (/[\r\n]/.test(line)) throw invalid('it must be a single line');
  const [type, data] = line.split(/\s+/);
  if (!KEY_TYPES.has(type)) throw invalid(`unknown key type "${type}"`);
  if (!data || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) throw invalid('the key data is not base64');
  const blob = Buffer.from(data, 'base64');
  const length = blob.length >= 4 ? blob.readUInt32BE(0) : -1;
  if (length !== type.length || blob.subarray(4, 4 + length).toString('latin1') !== type) throw invalid('the key data does not match its type');
  return line;
}

/** MxLIVE's fingerprint: the MD5 of the key text, as colon-separated hex pairs. */
export function fingerprint(key: string): string {
  return crypto.createHash('md5').update(key).digest('hex').match(/../g)!.join(':');
}

export async function visibleSshKey(db: Db, actor: Actor, id: number): Promise<SshKey> {
  const row = await db.selectFrom('ssh_keys').selectAll().where('id', '=', id).where(ownedBy(actor, 'ssh_keys.project_id')).executeTakeFirst();
  if (!row) throw notFound('No such SSH key.');
  return row;
}

export async function addSshKey(db: Db, actor: Actor, projectId: number, input: { name: string; key: string }): Promise<SshKey> {
  const key = checkPublicKey(input.key);
  return db.transaction().execute(async (trx) => {
    const now = isoNow();
    const row = await trx.insertInto('ssh_keys').values({ project_id: projectId, name: input.name, key, created_at: now, updated_at: now }).returningAll().executeTakeFirstOrThrow();
    await logActivity(trx, { projectId, userId: actor.userId, address: actor.address, action: 'create', objectType: 'ssh_key', objectId: row.id, description: `SSH key ${row.name} added` });
    return row;
  });
}

export async function deleteSshKey(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await visibleSshKey(trx, actor, id);
    await trx.deleteFrom('ssh_keys').where('id', '=', id).execute();
    await logActivity(trx, { projectId: current.project_id, userId: actor.userId, address: actor.address, action: 'delete', objectType: 'ssh_key', objectId: id, description: `SSH key ${current.name} removed` });
  });
}
