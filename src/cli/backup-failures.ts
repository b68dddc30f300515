// Backups and restores refused for a reason the operator can act on end as one line, not a stack.
import { BackupError } from '../platform/backup/backup-error.ts';
import { CommandFailure } from './failures.ts';

export async function asCommandFailure<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new CommandFailure(error.message, 1, { cause: error });
    throw error;
  }
}
