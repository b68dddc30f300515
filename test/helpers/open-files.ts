// How many descriptors this process holds open on a file: a download that ended, or was cut
// short, must have let go of its file.
import fs from 'node:fs';

export function descriptorsOpenOn(file: string): number {
  return fs.readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;
}
