/**
 * A tiny RGB drawing surface for plots: rectangles, lines, filled discs and
 * bitmap-font text, with everything clipped to the image. Coordinates are
 * integer pixels from the top-left corner.
 */
import { glyph, GLYPH_ADVANCE, GLYPH_HEIGHT, GLYPH_WIDTH } from './font.ts';
import type { RasterImage } from './png.ts';

export type Rgb = readonly [number, number, number];

export class Raster {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;

  constructor(width: number, height: number, background: Rgb = [255, 255, 255]) {
    this.width = width;
    this.height = height;
    this.pixels = new Uint8Array(width * height * 3);
    this.fillRect(0, 0, width, height, background);
  }

  toImage(): RasterImage {
    return { width: this.width, height: this.height, channels: 3, pixels: this.pixels };
  }

  setPixel(x: number, y: number, color: Rgb): void {
    x = Math.round(x);
    y = Math.round(y);
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (x + y * this.width) * 3;
    this.pixels[i] = color[0];
    this.pixels[i + 1] = color[1];
    this.pixels[i + 2] = color[2];
  }

  getPixel(x: number, y: number): Rgb {
    const i = (x + y * this.width) * 3;
    return [this.pixels[i], this.pixels[i + 1], this.pixels[i + 2]];
  }

  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    for (let j = Math.max(0, y); j < Math.min(this.height, y + h); j++) {
      for (let i = Math.max(0, x); i < Math.min(this.width, x + w); i++) this.setPixel(i, j, color);
    }
  }

  /** Bresenham line; `dash` = [on, off] pixel lengths for a dashed line. */
  line(x0: number, y0: number, x1: number, y1: number, color: Rgb, dash?: [number, number]): void {
    x0 = Math.round(x0);
    y0 = Math.round(y0);
    x1 = Math.round(x1);
    y1 = Math.round(y1);
    const dx = Math.abs(x1 - x0);
    const dy = -Math.abs(y1 - y0);
    const sx = x0 < x1 ? 1 : -1;
    const sy = y0 < y1 ? 1 : -1;
    let err = dx + dy;
    for (let step = 0; ; step++) {
      if (!dash || step % (dash[0] + dash[1]) < dash[0]) this.setPixel(x0, y0, color);
      if (x0 === x1 && y0 === y1) break;
      const e2 = 2 * err;
      if (e2 >= dy) {
        err += dy;
        x0 += sx;
      }
      if (e2 <= dx) {
        err += dx;
        y0 += sy;
      }
    }
  }

  disc(cx: number, cy: number, r: number, color: Rgb): void {
    const x0 = Math.round(cx);
    const y0 = Math.round(cy);
    const reach = Math.ceil(r);
    for (let j = -reach; j <= reach; j++) {
      for (let i = -reach; i <= reach; i++) if (i * i + j * j <= r * r + 0.25) this.setPixel(x0 + i, y0 + j, color);
    }
  }

  /** Text with its top-left corner at (x, y); each font pixel becomes scale × scale image pixels. */
  text(x: number, y: number, text: string, color: Rgb, scale = 1): void {
    let pen = Math.round(x);
    for (const ch of text) {
      const rows = glyph(ch);
      for (let r = 0; r < GLYPH_HEIGHT; r++) {
        for (let c = 0; c < GLYPH_WIDTH; c++) {
          if (rows[r][c]) this.fillRect(pen + c * scale, Math.round(y) + r * scale, scale, scale, color);
        }
      }
      pen += GLYPH_ADVANCE * scale;
    }
  }

  /**
   * Text turned 90° anticlockwise, read bottom to top as a y-axis label.
   * (x, y) is the top-left corner of its bounding box, which is
   * GLYPH_HEIGHT·scale wide and textWidth(text, scale) tall.
   */
  textUp(x: number, y: number, text: string, color: Rgb, scale = 1): void {
    const length = text.length * GLYPH_ADVANCE - 1;
    let pen = 0;
    for (const ch of text) {
      const rows = glyph(ch);
      for (let r = 0; r < GLYPH_HEIGHT; r++) {
        for (let c = 0; c < GLYPH_WIDTH; c++) {
          if (!rows[r][c]) continue;
          // Rotating (column, row) anticlockwise: column runs upwards, row runs rightwards.
          const px = Math.round(x) + r * scale;
          const py = Math.round(y) + (length - 1 - (pen + c)) * scale;
          this.fillRect(px, py, scale, scale, color);
        }
      }
      pen += GLYPH_ADVANCE;
    }
  }
}
