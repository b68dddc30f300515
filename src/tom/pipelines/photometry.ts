// The Photometry pipeline: aperture photometry of the target on each frame through the frame's
// WCS, giving a light curve of reduced datums ({"magnitude", "error"}, as the original stored
// them) and, unless turned off, a plot image.
import fs from 'node:fs/promises';
import path from 'node:path';
import { lightCurve } from '../photometry/light-curve.ts';
import { plotLightCurve } from '../photometry/plot.ts';
import { PipelineError } from './types.ts';
import type { Pipeline, PipelineOutput } from './types.ts';

export const photometryPipeline: Pipeline = {
  name: 'Photometry',
  shortName: 'photometry',
  processType: 'Photometry',
  flags: { plot: { default: true, label: 'Create a plot of the light curve' } },
  allowedSuffixes: ['.fits', '.fz'],
  async run(context) {
    const { target } = context;
    if (target.ra === null || target.dec === null) throw new PipelineError('Photometry needs a sidereal target with RA and Dec');
    await context.setStatus('Measuring frames');
    const byPath = new Map(context.inputs.map((input) => [input.path, input]));
    const lines: string[] = [];
    const curve = await lightCurve(context.inputs.map((input) => input.path), { ra: target.ra, dec: target.dec }, {
      signal: context.signal,
      onFrame: (file, outcome) => {
        const name = byPath.get(file)?.name ?? path.basename(file);
        lines.push('point' in outcome
          ? `${name}: magnitude ${outcome.point.magnitude.toFixed(3)} ± ${outcome.point.error.toFixed(3)}`
          : `${name}: skipped (${outcome.failure.message})`);
      },
    });
    for (const line of lines) await context.log(line);
    if (curve.points.length === 0) throw new PipelineError('No frame could be measured');
    const outputs: PipelineOutput[] = curve.points.map((point) => ({
      kind: 'reduced_datum',
      dataType: 'photometry',
      timestamp: point.time.iso,
      value: { magnitude: point.magnitude, error: point.error, filter: point.filter },
      sourceName: `${context.identifier}_${Math.round(point.time.mjd)}`,
      inputName: byPath.get(point.file)?.name,
    }));
    if (context.flags.plot) {
      await context.setStatus('Plotting');
      const plot = plotLightCurve(curve.points, { title: `${target.name} light curve` });
      const file = path.join(context.workDir, 'lightcurve.png');
      await fs.writeFile(file, plot.png);
      outputs.push({ kind: 'data_product', path: file, dataProductType: 'plot' });
    }
    await context.log(`Measured ${curve.points.length} of ${context.inputs.length} frames`);
    return outputs;
  },
};
