/**
 * One FITS header card: an 80-character line "KEYWORD = value / comment"
 * (FITS 4.0 section 4). This file turns card text into typed values and back.
 */

export const CARD_LENGTH = 80;

/** A complex value "(re, im)"; FITS allows them, Lightpath never needs them. */
export interface FitsComplex {
  re: number;
  im: number;
}

/**
 * A typed card value. null means "no value": a commentary card (COMMENT,
 * HISTORY, blank keyword, anything without "= " in columns 9-10) or a value
 * field left empty (an undefined value).
 */
export type FitsValue = string | number | boolean | FitsComplex | null;

export interface Card {
  /** Upper-case keyword; for HIERARCH cards the words after HIERARCH ("ESO DET CHIP TEMP"). */
  keyword: string;
  value: FitsValue;
  /** The value as written (before typing), e.g. "1.5D+03"; '' for commentary cards. */
  valueText: string;
  /** Text after the '/' for value cards; the free text of commentary cards. */
  comment: string;
  /** True for COMMENT, HISTORY, blank-keyword and other cards without a value indicator. */
  commentary: boolean;
  /** The 80-character card images this logical card came from (several with CONTINUE). */
  images: string[];
}

const INTEGER = /^[+-]?\d+$/;
const REAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[EeDd][+-]?\d+)?$/;
const COMPLEX = /^\(\s*([^,]+?)\s*,\s*([^)]+?)\s*\)$/;

interface ParsedField {
  value: FitsValue;
  valueText: string;
  comment: string;
}

/** Parses a value field (what follows "= "): a quoted string, T/F, a number, or a complex pair. */
export function parseValueField(field: string): ParsedField {
  let i = 0;
  while (i < field.length && field[i] === ' ') i++;
  if (field[i] === "'") return parseStringField(field, i);

  const slash = field.indexOf('/', i);
  const valueText = (slash < 0 ? field.slice(i) : field.slice(i, slash)).trim();
  const comment = slash < 0 ? '' : field.slice(slash + 1).trim();
  return { value: typeValue(valueText), valueText, comment };
}

function typeValue(text: string): FitsValue {
  if (text === '') return null;
  if (text === 'T') return true;
  if (text === 'F') return false;
  if (INTEGER.test(text)) return Number(text);
  if (REAL.test(text)) return Number(text.replace(/[Dd]/, 'E'));
  const complex = COMPLEX.exec(text);
  if (complex) {
    const re = typeValue(complex[1]);
    const im = typeValue(complex[2]);
    if (typeof re === 'number' && typeof im === 'number') return { re, im };
  }
  // Not a FITS value; keep the text so nothing is lost (typed getters reject it).
  return text;
}

/** A string value: quotes doubled inside, trailing spaces not significant (FITS 4.0 4.2.1). */
function parseStringField(field: string, open: number): ParsedField {
  let text = '';
  let i = open + 1;
  for (; i < field.length; i++) {
    const c = field[i];
    if (c === "'") {
      if (field[i + 1] === "'") {
        text += "'";
        i++;
        continue;
      }
      break;
    }
    text += c;
  }
  const close = Math.min(i, field.length);
  const rest = field.slice(close + 1);
  const slash = rest.indexOf('/');
  return {
    value: text.trimEnd(),
    valueText: field.slice(open, close + 1),
    comment: slash < 0 ? '' : rest.slice(slash + 1).trim(),
  };
}

const COMMENTARY = new Set(['COMMENT', 'HISTORY', '']);

/** Parses one 80-character card image (shorter text is padded with spaces). */
export function parseCard(image: string): Card {
  const text = image.padEnd(CARD_LENGTH, ' ');
  const keyword = text.slice(0, 8).trimEnd().toUpperCase();

  if (keyword === 'HIERARCH') {
    // ESO HIERARCH convention: "HIERARCH A B C = value / comment".
    const equals = text.indexOf('=', 8);
    if (equals > 0) {
      const name = text.slice(8, equals).trim().replace(/\s+/g, ' ').toUpperCase();
      return { keyword: name, ...parseValueField(text.slice(equals + 1)), commentary: false, images: [image] };
    }
  }

  const hasValue = text[8] === '=' && text[9] === ' ' && !COMMENTARY.has(keyword);
  if (!hasValue) {
    return {
      keyword,
      value: null,
      valueText: '',
      comment: text.slice(8).trimEnd(),
      commentary: true,
      images: [image],
    };
  }
  return { keyword, ...parseValueField(text.slice(10)), commentary: false, images: [image] };
}

/** The string carried by a CONTINUE card (columns 11-80 hold a quoted string). */
export function parseContinueCard(card: Card): ParsedField | undefined {
  const field = card.images[0].padEnd(CARD_LENGTH, ' ').slice(8);
  const parsed = parseValueField(field);
  return typeof parsed.value === 'string' && field.trimStart().startsWith("'") ? parsed : undefined;
}

/** Builds a card from parts, formatted the fixed-format way FITS writers use. */
export function makeCard(keyword: string, value: FitsValue, comment = ''): Card {
  const valueText = formatValue(value);
  let image = `${keyword.padEnd(8, ' ')}= ${valueText}`;
  if (comment) image += ` / ${comment}`;
  return {
    keyword: keyword.toUpperCase(),
    value,
    valueText,
    comment,
    commentary: false,
    images: [image.slice(0, CARD_LENGTH).padEnd(CARD_LENGTH, ' ')],
  };
}

/** The same card under another keyword (used when restoring ZBITPIX -> BITPIX etc.). */
export function renameCard(card: Card, keyword: string): Card {
  if (card.commentary || card.images.length !== 1 || keyword.length > 8) {
    return { ...card, keyword };
  }
  const image = keyword.padEnd(8, ' ') + card.images[0].slice(8);
  return { ...card, keyword, images: [image] };
}

function formatValue(value: FitsValue): string {
  if (value === null) return ''.padStart(20, ' ');
  if (typeof value === 'string') {
    return `'${value.replace(/'/g, "''").padEnd(8, ' ')}'`;
  }
  if (typeof value === 'boolean') return (value ? 'T' : 'F').padStart(20, ' ');
  if (typeof value === 'number') {
    const text = Number.isInteger(value) ? String(value) : formatReal(value);
    return text.padStart(20, ' ');
  }
  return `(${formatReal(value.re)}, ${formatReal(value.im)})`.padStart(20, ' ');
}

function formatReal(value: number): string {
  const text = String(value).toUpperCase();
  return /[.E]/.test(text) ? text : `${text}.0`;
}
