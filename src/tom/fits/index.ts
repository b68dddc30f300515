/**
 * Lightpath's FITS reader: headers, plain and tile-compressed (.fits.fz)
 * images, and TAN celestial WCS. Everything a bad file can cause is thrown
 * as FitsError.
 *
 *   const fits = await readFitsFile('m13_001.fits.fz');
 *   const image = readFirstImage(fits);      // { width, height, data, header, ... }
 *   const wcs = celestialWcs(image.header);  // wcs.pixelToSky(x, y), 1-based pixels
 */
export { FitsError } from './errors.ts';
export type { ErrorContext } from './errors.ts';
export { Header } from './header.ts';
export type { Card, FitsValue, FitsComplex } from './card.ts';
export { readFits } from './read-fits.ts';
export type { FitsFile, Hdu, HduKind, ReadFitsOptions } from './read-fits.ts';
export { readFitsFile } from './read-file.ts';
export { readImage, findImageHdu, readFirstImage } from './read-image.ts';
export type { FitsImage, ImageOptions, PixelArray } from './pixels.ts';
export { celestialWcs } from './wcs.ts';
export type { CelestialWcs, SkyPosition, PixelPosition, WcsOptions } from './wcs.ts';
