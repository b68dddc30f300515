/** Reading a FITS file from disk; errors name the path. */
import { readFile } from 'node:fs/promises';
import { FitsError } from './errors.ts';
import { readFits, type FitsFile } from './read-fits.ts';

export async function readFitsFile(path: string): Promise<FitsFile> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new FitsError(`cannot read file (${code})`, { file: path }, { cause: error });
  }
  return readFits(buffer, { name: path });
}
