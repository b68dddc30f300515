/**
 * Lightpath's photometry: aperture photometry of a sky position on FITS
 * frames, light curves over many frames, and their CSV and PNG outputs.
 *
 *   const curve = await lightCurve(paths, { ra: 250.4235, dec: 36.4613 });
 *   for (const f of curve.failures) log(`${f.file}: ${f.message}`);
 *   const { png } = plotLightCurve(curve.points, { title: 'm13' });
 *   const csv = photometryCsv(photometryCsvRows(curve.points));
 */
export { PhotometryError } from './errors.ts';
export type { PhotometryErrorCode } from './errors.ts';
export { loadFrame, frameFromImage, DEFAULT_ZERO_POINT, DEFAULT_GAIN, DEFAULT_READ_NOISE } from './frame.ts';
export type { PhotometryFrame, SkyToPixel } from './frame.ts';
export { measureAtSky, measureAtPixel, MAG_PER_RELATIVE_FLUX } from './measure.ts';
export type { Measurement, PhotometryOptions } from './measure.ts';
export { refineCentroid } from './centroid.ts';
export type { Centroid, CentroidOptions, CentroidStatus } from './centroid.ts';
export { apertureSum, pixelWeight, diskRectangleOverlap } from './aperture.ts';
export type { ApertureSum } from './aperture.ts';
export { annulusSky, sigmaClip, median } from './sky.ts';
export type { SkyEstimate, SkyOptions } from './sky.ts';
export { lightCurve } from './light-curve.ts';
export type { LightCurve, LightCurvePoint, LightCurveFailure, LightCurveOptions, NamedFrame } from './light-curve.ts';
export { parseDateObs, timeFromMjd, timeFromEpochMs, mjdToPythonIso, MJD_UNIX_EPOCH } from './time.ts';
export type { ObservationTime } from './time.ts';
export { photometryCsv, photometryCsvRows, photometryCsvFilename, pythonFloat } from './csv.ts';
export type { PhotometryCsvRow } from './csv.ts';
export { plotLightCurve } from './plot.ts';
export type { LightCurvePlot, PlotOptions, PlotPoint } from './plot.ts';
export { encodePng, crc32 } from './png.ts';
export type { RasterImage } from './png.ts';
