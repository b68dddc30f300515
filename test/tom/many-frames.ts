// Many large FITS frames made quickly, for runs that must last long enough to be stopped or
// killed part-way: the pixels are made once, and each copy differs only in its DATE-OBS card.
import { fitsBytes } from '../support/fits-writer.ts';

const FIRST_DATE = '2019-01-02T00:00:00';

export function manyFrames(count: number, size = 1000): Buffer[] {
  const base = fitsBytes({
    width: size, height: size, bitpix: 16,
    pixels: (x, y) => 100 + ((x * 7 + y * 13) % 17) + (x === 10 && y === 5 ? 5000 : 0),
    header: { 'DATE-OBS': FIRST_DATE },
  });
  const at = base.indexOf(FIRST_DATE, 0, 'latin1');
  return Array.from({ length: count }, (_, i) => {
    const copy = Buffer.from(base);
    copy.write(new Date(Date.parse(`${FIRST_DATE}Z`) + i * 60_000).toISOString().slice(0, 19), at, 'latin1');
    return copy;
  });
}
