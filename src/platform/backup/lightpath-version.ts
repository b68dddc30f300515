// The version of this Lightpath, as package.json gives it (recorded in each backup's manifest).
import fs from 'node:fs';
import path from 'node:path';

export function lightpathVersion(): string {
  const file = path.resolve(import.meta.dirname, '../../../package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}
