// Content-Type by file extension for the files a beamline writes. Formats a browser would run
// (HTML, SVG, JavaScript) are deliberately absent: user data must never execute on our origin.
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.mad': 'application/json',
  '.xrf': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.log': 'text/plain; charset=utf-8',
  '.lp': 'text/plain; charset=utf-8',
  '.xdi': 'text/plain; charset=utf-8',
  '.dat': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.h5': 'application/x-hdf5',
  '.nxs': 'application/x-hdf5',
  '.gz': 'application/gzip',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

export function contentTypeFor(fileName: string): string {
  return TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}
