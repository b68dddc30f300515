// The pipeline plug-in interface (spec §4): a pipeline names itself, declares its flags and the
// file suffixes it accepts, and turns input files into outputs while logging its progress.
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { TargetRow } from '../targets.ts';

export interface PipelineFlag {
  default: boolean;
  label: string;
}

export interface PipelineInput {
  id: number;
  /** The file's name (what suffix checks and messages use). */
  name: string;
  /** A local path to read it from. */
  path: string;
  dataProductType: string;
  extraData: Record<string, unknown>;
}

export type PipelineOutput =
  | {
      kind: 'data_product';
      /** A file the pipeline wrote in its work directory. */
      path: string;
      dataProductType: string;
      /** The stored file name; default "<process identifier>_<file name>". */
      fileName?: string;
    }
  | {
      kind: 'reduced_datum';
      dataType: string;
      timestamp: string;
      value: Record<string, unknown>;
      sourceName: string;
      /** The input the value came from (links the datum to that data product). */
      inputName?: string;
    };

export interface PipelineContext {
  identifier: string;
  target: TargetRow;
  inputs: PipelineInput[];
  flags: Record<string, boolean>;
  /** Settings a run was started with (e.g. timelapse format); the pipeline validates them. */
  settings: Record<string, unknown>;
  workDir: string;
  signal: AbortSignal;
  config: Config;
  log(message: string): Promise<void>;
  setStatus(status: string): Promise<void>;
  logger: Logger;
}

export interface Pipeline {
  /** The name pipelines are configured and requested by, e.g. "Timelapse". */
  name: string;
  /** Identifier prefix: "<short name>_<target>_<YYYY-MM-DD-HHMMSS>". */
  shortName: string;
  /** What async status reports as process_type. */
  processType: string;
  flags: Record<string, PipelineFlag>;
  /** File name endings accepted as input; null accepts anything. */
  allowedSuffixes: string[] | null;
  /** Appended to the identifier (the timelapse's file extension). */
  identifierSuffix?(settings: Record<string, unknown>, config: Config): string;
  run(context: PipelineContext): Promise<PipelineOutput[]>;
}

/** A failure whose message is the process's failure message, as written. */
export class PipelineError extends Error {}
