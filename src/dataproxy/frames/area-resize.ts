// Area-averaging resize (step 5 of the frame preview): each output pixel is the mean of the input
// pixels it covers, partly covered ones weighted by the part covered. Columns first, then rows,
// streamed: a source row is mapped to grey and narrowed to the output width once, kept in a small
// ring while the output rows that cover it are summed, so a band of output rows reads only its
// own source rows and no frame-sized intermediate is made (two threads can each take a band).
// The arithmetic (float64 sums, narrowed rows rounded to float32, rows summed in order) is that of
// the two whole-image passes it replaced, so the pixels are the same.

/** For each of `target` cells: the first source cell it overlaps, and by how much it overlaps each (weights sum to 1). */
interface Spans {
  first: Int32Array;
  count: Int32Array;
  /** `target` × `widest` weights, cell after cell. */
  weights: Float64Array;
  widest: number;
}

function spans(source: number, target: number): Spans {
  const step = source / target;
  const widest = Math.ceil(step) + 1;
  const result: Spans = { first: new Int32Array(target), count: new Int32Array(target), weights: new Float64Array(target * widest), widest };
  for (let i = 0; i < target; i++) {
    const start = i * step;
    const end = (i + 1) * step;
    const first = Math.floor(start);
    const last = Math.min(source, Math.ceil(end));
    result.first[i] = first;
    result.count[i] = last - first;
    for (let j = first; j < last; j++) result.weights[i * widest + j - first] = (Math.min(end, j + 1) - Math.max(start, j)) / step;
  }
  return result;
}

/** Writes source row `row` (`width` grey values) into `into`. */
export type SourceRow = (row: number, into: Uint8Array) => void;

export class AreaResize {
  private readonly across: Spans;
  private readonly down: Spans;

  constructor(readonly width: number, readonly height: number, readonly outWidth: number, readonly outHeight: number) {
    this.across = spans(width, outWidth);
    this.down = spans(height, outHeight);
  }

  /** Output rows [from, to) into `out` (row `from` at offset 0), reading each needed source row once. */
  rows(sourceRow: SourceRow, from: number, to: number, out: Uint8Array): void {
    const { first, count, weights, widest } = this.down;
    const ring = Array.from({ length: widest }, () => new Float32Array(this.outWidth));
    const held = new Int32Array(widest).fill(-1);
    const grey = new Uint8Array(this.width);
    const rows: Float32Array[] = [];
    for (let y = from; y < to; y++) {
      rows.length = 0;
      for (let k = 0; k < count[y]; k++) {
        const source = first[y] + k;
        const slot = source % widest;
        if (held[slot] !== source) {
          sourceRow(source, grey);
          this.narrow(grey, ring[slot]);
          held[slot] = source;
        }
        rows.push(ring[slot]);
      }
      sumRows(rows, weights, y * widest, out, (y - from) * this.outWidth, this.outWidth);
    }
  }

  /** One grey source row averaged down (or up) to the output width. */
  private narrow(grey: Uint8Array, into: Float32Array): void {
    const { first, count, weights, widest } = this.across;
    const cells = into.length;
    for (let x = 0; x < cells; x++) {
      const start = first[x];
      const base = x * widest;
      const cellCount = count[x];
      // Unrolled for the usual 1–4 cells (this loop runs for every cell of every source row);
      // the sums are added in the same order as a plain loop would.
      let sum = grey[start] * weights[base];
      if (cellCount > 1) {
        sum += grey[start + 1] * weights[base + 1];
        if (cellCount > 2) {
          sum += grey[start + 2] * weights[base + 2];
          for (let k = 3; k < cellCount; k++) sum += grey[start + k] * weights[base + k];
        }
      }
      into[x] = sum;
    }
  }
}

/** One output row: the narrowed source rows weighted and summed (in order), rounded to 0–255. */
function sumRows(rows: Float32Array[], weights: Float64Array, base: number, out: Uint8Array, at: number, width: number): void {
  const [a, b, c] = rows;
  const [wa, wb, wc] = [weights[base], weights[base + 1], weights[base + 2]];
  for (let x = 0; x < width; x++) {
    let sum = a[x] * wa;
    if (b !== undefined) {
      sum += b[x] * wb;
      if (c !== undefined) {
        sum += c[x] * wc;
        for (let k = 3; k < rows.length; k++) sum += rows[k][x] * weights[base + k];
      }
    }
    const value = Math.round(sum);
    out[at + x] = value < 0 ? 0 : value > 255 ? 255 : value;
  }
}
