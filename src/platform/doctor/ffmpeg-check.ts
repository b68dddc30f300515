// ffmpeg is found the way timelapses find it, and encodes two small frames in each timelapse
// format with the arguments timelapses use. The default format failing is an error; another
// (which a request may ask for) a warning.
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { locateMediaTools, startFfmpeg } from '../media/ffmpeg.ts';
import { ffmpegArguments } from '../../tom/timelapse/encoders.ts';
import { TIMELAPSE_FORMATS } from '../../tom/timelapse/settings.ts';
import type { TimelapseFormat } from '../../tom/timelapse/settings.ts';
import type { DoctorCheck, Finding } from './finding.ts';
import { error, ok, warning } from './finding.ts';

const SIZE = { width: 32, height: 32 };

/** Why ffmpeg could not encode `format`, or null when it did. */
async function encodeProblem(ffmpeg: string, format: TimelapseFormat, dir: string): Promise<string | null> {
  const output = path.join(dir, `probe.${format}`);
  const run = startFfmpeg(ffmpeg, ffmpegArguments(format, SIZE, 2, output), { stdin: 'pipe' });
  for (const shade of [64, 192]) run.stdin!.write(Buffer.alloc(SIZE.width * SIZE.height, shade));
  run.stdin!.end();
  try {
    await run.done;
    return (await fsp.stat(output)).size > 0 ? null : 'it wrote an empty file';
  } catch (problem) {
    const tail = run.stderrTail().trim().split('\n').pop();
    return tail || (problem as Error).message;
  }
}

export const ffmpegCheck: DoctorCheck = {
  name: 'ffmpeg',
  async run({ config }) {
    let ffmpeg: string;
    let source: string;
    try {
      ({ ffmpeg, source } = await locateMediaTools({ configuredPath: config.ffmpegPath }));
    } catch (problem) {
      return [error((problem as Error).message, 'install ffmpeg (e.g. apt-get install ffmpeg) or set LIGHTPATH_FFMPEG to one')];
    }
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'lightpath-doctor-'));
    const findings: Finding[] = [];
    try {
      for (const format of TIMELAPSE_FORMATS) {
        const problem = await encodeProblem(ffmpeg, format, dir);
        const isDefault = format === config.tom.timelapse.format;
        if (problem === null) findings.push(ok(`${ffmpeg} (${source}) makes ${format} timelapses${isDefault ? ' (the default format)' : ''}`));
        else if (isDefault) findings.push(error(`${ffmpeg} cannot make ${format} timelapses, the default format: ${problem}`, 'install an ffmpeg built with that encoder, or set LIGHTPATH_FFMPEG to one'));
        else findings.push(warning(`${ffmpeg} cannot make ${format} timelapses: ${problem}`, 'install an ffmpeg built with that encoder if users ask for this format'));
      }
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
    return findings;
  },
};
