/**
 * Turns the header of a tile-compressed image (a BINTABLE with ZIMAGE = T)
 * back into the header of the image it stands for, the way funpack does
 * (FITS 4.0 section 10.1): ZSIMPLE/ZTENSION, ZBITPIX, ZNAXIS, ZNAXISn,
 * ZPCOUNT/ZGCOUNT, ZEXTEND... take their plain names, and the keywords that
 * only describe the table or the compression are dropped.
 */
import { makeCard, renameCard, type Card } from '../card.ts';
import type { ErrorContext } from '../errors.ts';
import { Header } from '../header.ts';
import { checkBitpix, readAxes } from '../layout.ts';

/** Compression keywords renamed to their image meaning (mandatory ones are handled first). */
const RENAMED: Record<string, string> = {
  ZBLOCKED: 'BLOCKED',
  ZHECKSUM: 'CHECKSUM',
  ZDATASUM: 'DATASUM',
};

/** Keywords (or keyword stems followed by a number) that belong to the table or the compression. */
const DROPPED = new Set([
  'SIMPLE', 'XTENSION', 'BITPIX', 'NAXIS', 'PCOUNT', 'GCOUNT', 'TFIELDS', 'THEAP', 'EXTEND',
  'ZIMAGE', 'ZCMPTYPE', 'ZSIMPLE', 'ZTENSION', 'ZBITPIX', 'ZNAXIS', 'ZPCOUNT', 'ZGCOUNT', 'ZEXTEND',
  'ZQUANTIZ', 'ZDITHER0', 'ZMASKCMP', 'ZBLANK',
  // The table's checksums do not describe the restored image.
  'CHECKSUM', 'DATASUM',
]);
const DROPPED_STEMS = /^(NAXIS|ZNAXIS|ZTILE|ZNAME|ZVAL|TTYPE|TFORM|TUNIT|TSCAL|TZERO|TNULL|TDISP|TDIM|TBCOL)\d+$/;

export function restoreImageHeader(table: Header, where: ErrorContext): Header {
  const primary = table.getBoolean('ZSIMPLE') !== undefined;
  const bitpix = checkBitpix(table.getInt('ZBITPIX'), where, 'ZBITPIX');
  const axes = readAxes(table, where, 'ZNAXIS');
  const comment = (keyword: string) => table.card(keyword)?.comment ?? '';

  const cards: Card[] = [];
  if (primary) cards.push(makeCard('SIMPLE', table.getBoolean('ZSIMPLE') ?? true, comment('ZSIMPLE')));
  else cards.push(makeCard('XTENSION', table.getString('ZTENSION') ?? 'IMAGE', comment('ZTENSION')));
  cards.push(makeCard('BITPIX', bitpix, comment('ZBITPIX')));
  cards.push(makeCard('NAXIS', axes.length, comment('ZNAXIS')));
  axes.forEach((n, i) => cards.push(makeCard(`NAXIS${i + 1}`, n, comment(`ZNAXIS${i + 1}`))));
  if (primary) {
    const extend = table.getBoolean('ZEXTEND');
    if (extend !== undefined) cards.push(makeCard('EXTEND', extend, comment('ZEXTEND')));
  } else {
    cards.push(makeCard('PCOUNT', table.getInt('ZPCOUNT', 0), comment('ZPCOUNT')));
    cards.push(makeCard('GCOUNT', table.getInt('ZGCOUNT', 1), comment('ZGCOUNT')));
  }

  const hasBlank = table.has('BLANK');
  for (const card of table.cards) {
    const key = card.keyword;
    if (card.commentary) {
      cards.push(card);
    } else if (key in RENAMED) {
      cards.push(renameCard(card, RENAMED[key]));
    } else if (key === 'ZBLANK' && bitpix > 0 && !hasBlank) {
      // For integer images ZBLANK is the image's null value.
      cards.push(renameCard(card, 'BLANK'));
    } else if (key === 'EXTNAME' && card.value === 'COMPRESSED_IMAGE') {
      // fpack's default name for an image that had none.
    } else if (!DROPPED.has(key) && !DROPPED_STEMS.test(key)) {
      cards.push(card);
    }
  }
  return new Header(cards, where);
}
