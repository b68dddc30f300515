/**
 * Image access for callers: decode an image HDU, plain or tile-compressed,
 * and find the HDU that holds "the" image of a file.
 */
import { decodeCompressedImage } from './compressed/compressed-image.ts';
import { FitsError, hduError } from './errors.ts';
import { decodePlainImage } from './image.ts';
import type { FitsImage, ImageOptions } from './pixels.ts';
import type { FitsFile, Hdu } from './read-fits.ts';

/** Decodes the pixels of an image HDU (primary, IMAGE extension or compressed image). */
export function readImage(hdu: Hdu, options: ImageOptions = {}): FitsImage {
  if (hdu.kind === 'image') return decodePlainImage(hdu, options);
  if (hdu.kind === 'compressed-image') return decodeCompressedImage(hdu, options);
  throw hduError({ file: hdu.file, hdu: hdu.index }, 'not an image', `HDU kind: ${hdu.kind}`);
}

/**
 * The HDU holding the file's image: the primary HDU if it has data
 * (NAXIS > 0), otherwise the first IMAGE or compressed-image extension with
 * data. fpack puts images in extension 1 behind an empty primary, so this
 * finds them too.
 */
export function findImageHdu(fits: FitsFile): Hdu {
  const found = fits.hdus.find(
    (hdu) => (hdu.kind === 'image' || hdu.kind === 'compressed-image') && hdu.header.getInt('NAXIS', 0) > 0,
  );
  if (!found) throw new FitsError('no image HDU with data in file', { file: fits.file });
  return found;
}

/** findImageHdu + readImage. */
export function readFirstImage(fits: FitsFile, options: ImageOptions = {}): FitsImage {
  return readImage(findImageHdu(fits), options);
}
