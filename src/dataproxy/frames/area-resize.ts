// Area-averaging resize (step 5 of the frame preview): each output pixel is the mean of the input
// pixels it covers, partly covered ones weighted by the part covered. Done as two passes (rows,
// then columns) over precomputed weights, so a 6-megapixel frame costs two sweeps.
interface Span {
  first: number;
  weights: Float64Array;
}

/** For each of `target` cells, the source cells it overlaps and by how much (weights sum to 1). */
function spans(source: number, target: number): Span[] {
  const step = source / target;
  const result: Span[] = [];
  for (let i = 0; i < target; i++) {
    const start = i * step;
    const end = (i + 1) * step;
    const first = Math.floor(start);
    const last = Math.min(source, Math.ceil(end));
    const weights = new Float64Array(last - first);
    for (let j = first; j < last; j++) weights[j - first] = (Math.min(end, j + 1) - Math.max(start, j)) / step;
    result.push({ first, weights });
  }
  return result;
}

export function areaResize(grey: Uint8Array, width: number, height: number, outWidth: number, outHeight: number): Uint8Array {
  // Columns first: height × outWidth intermediate.
  const across = spans(width, outWidth);
  const narrow = new Float32Array(height * outWidth);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const out = y * outWidth;
    for (let x = 0; x < outWidth; x++) {
      const { first, weights } = across[x];
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += grey[row + first + k] * weights[k];
      narrow[out + x] = sum;
    }
  }
  const down = spans(height, outHeight);
  const result = new Uint8Array(outWidth * outHeight);
  const line = new Float64Array(outWidth);
  for (let y = 0; y < outHeight; y++) {
    const { first, weights } = down[y];
    line.fill(0);
    for (let k = 0; k < weights.length; k++) {
      const from = (first + k) * outWidth;
      const weight = weights[k];
      for (let x = 0; x < outWidth; x++) line[x] += narrow[from + x] * weight;
    }
    const out = y * outWidth;
    for (let x = 0; x < outWidth; x++) {
      const value = Math.round(line[x]);
      result[out + x] = value < 0 ? 0 : value > 255 ? 255 : value;
    }
  }
  return result;
}
