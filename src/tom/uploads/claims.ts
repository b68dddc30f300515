// What an upload claims to be, from its file name and its data product type, and the check that
// holds it to that claim. A name and a type that claim different things are refused outright.
import { FitsInspector } from './fits-check.ts';
import { GzipInspector } from './gzip-check.ts';
import { IMAGE_LABELS, ImageInspector } from './image-check.ts';
import type { ImageKind } from './image-check.ts';
import { TextInspector } from './text-check.ts';
import type { ContentInspector } from './inspector.ts';

export type UploadClaim =
  | { kind: 'fits'; compressed: boolean }
  | { kind: 'fits-gzip' }
  | { kind: 'image'; images: ImageKind[] }
  | { kind: 'csv' };

const ALL_IMAGES: ImageKind[] = ['png', 'jpeg', 'gif', 'webp'];
const IMAGE_EXTENSIONS: Record<string, ImageKind> = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', gif: 'gif', webp: 'webp' };

/** The type of a file sent without one: FITS and image files are recognised by name, others get "". */
export function guessedType(fileName: string): string {
  const claim = claimOfName(fileName);
  return claim?.kind === 'fits' || claim?.kind === 'fits-gzip' ? 'fits_file' : claim?.kind === 'image' ? 'image_file' : '';
}

export function claimOfName(fileName: string): UploadClaim | null {
  const name = fileName.toLowerCase();
  if (/\.(fits|fit|fts)\.gz$/.test(name)) return { kind: 'fits-gzip' };
  if (name.endsWith('.fz')) return { kind: 'fits', compressed: true };
  if (/\.(fits|fit|fts)$/.test(name)) return { kind: 'fits', compressed: false };
  const extension = name.slice(name.lastIndexOf('.') + 1);
  if (name.includes('.') && extension in IMAGE_EXTENSIONS) return { kind: 'image', images: [IMAGE_EXTENSIONS[extension]] };
  if (name.endsWith('.csv')) return { kind: 'csv' };
  return null;
}

export function claimOfType(dataProductType: string): UploadClaim | null {
  if (dataProductType === 'fits_file') return { kind: 'fits', compressed: false };
  if (dataProductType === 'image_file') return { kind: 'image', images: ALL_IMAGES };
  return null;
}

/** The claim both make; a string saying why when they disagree. */
export function uploadClaim(fileName: string, dataProductType: string): UploadClaim | null | string {
  const byName = claimOfName(fileName);
  const byType = claimOfType(dataProductType);
  if (byName && byType && family(byName) !== family(byType)) {
    return `data_product_type "${dataProductType}" does not fit the file name "${fileName}"`;
  }
  return byName ?? byType;
}

const family = (claim: UploadClaim) => (claim.kind === 'fits-gzip' ? 'fits' : claim.kind);

export function claimLabel(claim: UploadClaim): string {
  switch (claim.kind) {
    case 'fits': return claim.compressed ? 'compressed FITS file' : 'FITS file';
    case 'fits-gzip': return 'gzip-compressed FITS file';
    case 'image': return `${claim.images.map((k) => IMAGE_LABELS[k]).join(', ').replace(/, (\w+)$/, ' or $1')} image`;
    case 'csv': return 'CSV file';
  }
}

export function inspectorFor(claim: UploadClaim, fileName: string): ContentInspector {
  switch (claim.kind) {
    case 'fits': return new FitsInspector({ name: fileName, requireCompressed: claim.compressed });
    case 'fits-gzip': return new GzipInspector();
    case 'image': return new ImageInspector(claim.images);
    case 'csv': return new TextInspector();
  }
}
