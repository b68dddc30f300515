// What every frame decoder hands the renderer: the pixel values row by row, and the count above
// which a pixel is an overload (spec mxlive-v2 §5.3, "Reading").
export type PixelArray = Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

export interface Frame {
  width: number;
  height: number;
  /**
   * width × height values, row after row; in a SharedArrayBuffer where the decoder can, so the
   * frame worker and its band helper render halves of one preview without copying the frame.
   */
  pixels: PixelArray;
  cutoff: number;
}

/**
 * The largest frame read: 100 megapixels, several times the biggest detectors' (an Eiger2 16M has
 * 18). A header claiming more is damaged or hostile; believing it could exhaust memory.
 */
export const MAX_FRAME_PIXELS = 100_000_000;

/** The file cannot be read as a frame (wrong format, truncated, no such frame): the placeholder is shown. */
export class FrameUnreadable extends Error {}
