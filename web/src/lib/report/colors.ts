// Figure colours. A figure's `colors` is an object naming the colour of some series, an array (a
// scheme of its own), or the name of a scheme; anything else gets Live16. The Live palettes are
// Lightpath's own; the others are the well-known ColorBrewer and Tableau schemes that Plot carries.
import * as Plot from '@observablehq/plot';
import { isRecord } from './details';

export const LIVE_PALETTES: Record<string, string[]> = {
  Live4: ['#3b82c4', '#d1495b', '#8e6cc0', '#72a83a'],
  Live8: ['#1f5f8b', '#18a999', '#e0a526', '#d64a6b', '#3f8fd2', '#7d6bd6', '#8db03c', '#5cb8d8'],
  Live16: [
    '#4f9bb8', '#c0577c', '#c9b52f', '#a4825f', '#5fb84d', '#9a7bb5', '#5a73c7', '#c94a4f',
    '#7a55cf', '#cc6329', '#9c9447', '#8f8b89', '#5aa97a', '#b64fae', '#2c6f86', '#e8b339',
  ],
};

const PLOT_SCHEMES = ['Dark2', 'Set1', 'Set2', 'Set3', 'Tableau10'];
const COLOUR = /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([\d\s.,%]+\)|[a-z]+)$/i;

function isColour(value: unknown): value is string {
  return typeof value === 'string' && COLOUR.test(value.trim());
}

/** The list of colours a `colors` option stands for. */
export function paletteOf(colors: unknown): string[] {
  if (Array.isArray(colors)) {
    const own = colors.filter(isColour);
    if (own.length > 0) return own;
  }
  if (typeof colors === 'string') {
    if (colors in LIVE_PALETTES) return LIVE_PALETTES[colors];
    const scheme = PLOT_SCHEMES.find((name) => name.toLowerCase() === colors.toLowerCase());
    if (scheme) return Plot.scale({ color: { type: 'categorical', scheme: scheme as Plot.ColorScheme } }).range as string[];
  }
  return LIVE_PALETTES.Live16;
}

/** A colour for each name: the ones `colors` names explicitly, the rest from the palette in order. */
export function colourMap(colors: unknown, names: string[]): Map<string, string> {
  const palette = paletteOf(colors);
  const explicit = isRecord(colors) ? colors : {};
  const map = new Map<string, string>();
  let next = 0;
  for (const name of names) {
    if (map.has(name)) continue;
    const chosen = explicit[name];
    map.set(name, isColour(chosen) ? chosen : palette[next++ % palette.length]);
  }
  return map;
}

/** The `color` scale for Plot that gives each name its colour. */
export function colourScale(map: Map<string, string>): Plot.ScaleOptions {
  return { type: 'ordinal', domain: [...map.keys()], range: [...map.values()] };
}
