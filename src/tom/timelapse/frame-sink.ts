/**
 * Feeding frames to ffmpeg's stdin with backpressure, one frame in flight: write() waits
 * until the previous frame has been taken by the pipe, then hands over the new one without
 * waiting for it, so the next frame is decoded while ffmpeg reads and encodes this one,
 * and at most one rendered frame sits in Node's buffers.
 */
import { FfmpegError, type FfmpegProcess } from '../../platform/media/ffmpeg.ts';
import type { Writable } from 'node:stream';

export class FrameSink {
  private pending: Promise<void> | null = null;
  private readonly stdin: Writable;

  constructor(private readonly ffmpeg: FfmpegProcess) {
    if (!ffmpeg.stdin) throw new Error('FrameSink needs ffmpeg started with stdin: pipe');
    this.stdin = ffmpeg.stdin;
  }

  async write(frame: Uint8Array): Promise<void> {
    await this.pending;
    await this.checkOpen();
    this.pending = this.stdin.write(frame) ? null : drained(this.stdin);
  }

  /** Closes stdin and waits for ffmpeg to finish the file. */
  async end(): Promise<void> {
    await this.pending;
    await this.checkOpen();
    this.stdin.end();
    await this.ffmpeg.done;
  }

  /** If the pipe is gone ffmpeg has stopped (or is stopping): report why. */
  private async checkOpen(): Promise<void> {
    if (!this.stdin.destroyed && !this.stdin.writableEnded) return;
    await this.ffmpeg.done; // rejects with ffmpeg's error or the abort reason
    throw new FfmpegError('ffmpeg stopped reading frames before the last one', 0, null, this.ffmpeg.stderrTail());
  }
}

/** Resolves on 'drain', or when the stream closes or fails (checkOpen then tells which). */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      stream.off('drain', finish);
      stream.off('close', finish);
      stream.off('error', finish);
      resolve();
    };
    stream.on('drain', finish);
    stream.on('close', finish);
    stream.on('error', finish);
  });
}
