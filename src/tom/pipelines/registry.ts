// The pipelines this installation offers, chosen by name in configuration (LIGHTPATH_PIPELINES).
import type { Config } from '../../config.ts';
import type { Pipeline } from './types.ts';
import { timelapsePipeline } from './timelapse.ts';
import { photometryPipeline } from './photometry.ts';

const BUILT_IN: Pipeline[] = [timelapsePipeline, photometryPipeline];

export class UnknownPipeline extends Error {}

export function configuredPipelines(config: Config): Map<string, Pipeline> {
  const pipelines = new Map<string, Pipeline>();
  for (const name of config.tom.pipelines) {
    const pipeline = BUILT_IN.find((p) => p.name === name);
    if (!pipeline) throw new UnknownPipeline(`LIGHTPATH_PIPELINES names "${name}", which is not a pipeline (known: ${BUILT_IN.map((p) => p.name).join(', ')})`);
    pipelines.set(name, pipeline);
  }
  return pipelines;
}
