/**
 * FITS headers: reading the 2880-byte header blocks of one HDU into cards,
 * joining CONTINUE long strings, and typed look-ups by keyword.
 */
import { CARD_LENGTH, parseCard, parseContinueCard, type Card, type FitsValue } from './card.ts';
import { hduError, type ErrorContext } from './errors.ts';

export const BLOCK_SIZE = 2880;
const CARDS_PER_BLOCK = BLOCK_SIZE / CARD_LENGTH;

export class Header {
  /** Logical cards in file order, END excluded; CONTINUE cards are folded into the card they continue. */
  readonly cards: readonly Card[];
  private readonly byKeyword = new Map<string, Card>();
  private readonly where: ErrorContext;

  constructor(cards: readonly Card[], where: ErrorContext = {}) {
    this.cards = cards;
    this.where = where;
    for (const card of cards) {
      // FITS readers take the first occurrence of a repeated keyword.
      if (!card.commentary && !this.byKeyword.has(card.keyword)) this.byKeyword.set(card.keyword, card);
    }
  }

  has(keyword: string): boolean {
    return this.byKeyword.has(keyword.toUpperCase());
  }

  card(keyword: string): Card | undefined {
    return this.byKeyword.get(keyword.toUpperCase());
  }

  /** The typed value; undefined if the keyword is absent, null if present without a value. */
  get(keyword: string): FitsValue | undefined {
    return this.card(keyword)?.value;
  }

  getString(keyword: string): string | undefined;
  getString(keyword: string, fallback: string): string;
  getString(keyword: string, fallback?: string): string | undefined {
    const value = this.get(keyword);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'string') throw this.wrongType(keyword, 'a string');
    return value;
  }

  /** Integer or real values. */
  getNumber(keyword: string): number | undefined;
  getNumber(keyword: string, fallback: number): number;
  getNumber(keyword: string, fallback?: number): number | undefined {
    const value = this.get(keyword);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number') throw this.wrongType(keyword, 'a number');
    return value;
  }

  /** Integer values only (a real such as 2.5 is an error). */
  getInt(keyword: string): number | undefined;
  getInt(keyword: string, fallback: number): number;
  getInt(keyword: string, fallback?: number): number | undefined {
    const value = this.get(keyword);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw this.wrongType(keyword, 'an integer');
    return value;
  }

  /** Exact integer, for values beyond 2^53 (BITPIX 64 BLANK, say). */
  getBigInt(keyword: string): bigint | undefined {
    const card = this.card(keyword);
    if (!card || card.value === null) return undefined;
    if (typeof card.value !== 'number' || !/^[+-]?\d+$/.test(card.valueText)) {
      throw this.wrongType(keyword, 'an integer');
    }
    return BigInt(card.valueText);
  }

  getBoolean(keyword: string): boolean | undefined;
  getBoolean(keyword: string, fallback: boolean): boolean;
  getBoolean(keyword: string, fallback?: boolean): boolean | undefined {
    const value = this.get(keyword);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') throw this.wrongType(keyword, 'a logical (T/F)');
    return value;
  }

  /** An integer that must be present (NAXIS, BITPIX...). */
  requireInt(keyword: string): number {
    const value = this.getInt(keyword);
    if (value === undefined) throw hduError(this.where, `missing required keyword ${keyword}`);
    return value;
  }

  /** Value keywords in order (no COMMENT/HISTORY/blank cards). */
  keywords(): string[] {
    return this.cards.filter((c) => !c.commentary).map((c) => c.keyword);
  }

  /** The text of every HISTORY card, in order. */
  history(): string[] {
    return this.commentaryText('HISTORY');
  }

  /** The text of every COMMENT card, in order. */
  comments(): string[] {
    return this.commentaryText('COMMENT');
  }

  private commentaryText(keyword: string): string[] {
    return this.cards.filter((c) => c.commentary && c.keyword === keyword).map((c) => c.comment);
  }

  private wrongType(keyword: string, expected: string) {
    const card = this.card(keyword);
    return hduError(this.where, `keyword ${keyword} is not ${expected}`, `value ${card?.valueText ?? ''}`.trim());
  }
}

export interface ParsedHeader {
  header: Header;
  /** Byte offset where the HDU's data starts (the block after END). */
  dataOffset: number;
}

/**
 * Reads header blocks starting at `offset` until the END card.
 * Throws if END is missing (file ends, or binary bytes show we have run into data).
 */
export function parseHeader(buffer: Uint8Array, offset: number, where: ErrorContext): ParsedHeader {
  const raw: Card[] = [];
  for (let block = offset; ; block += BLOCK_SIZE) {
    if (block + BLOCK_SIZE > buffer.length) {
      throw hduError(where, 'truncated header', `file ends ${buffer.length - offset} bytes into it, before an END card`);
    }
    for (let c = 0; c < CARDS_PER_BLOCK; c++) {
      const start = block + c * CARD_LENGTH;
      const image = cardText(buffer, start);
      if (image === undefined) {
        throw hduError(where, 'no END card', `header runs into non-ASCII bytes at offset ${start}`);
      }
      if (image.startsWith('END') && image.slice(3).trim() === '') {
        return { header: new Header(joinContinuations(raw), where), dataOffset: block + BLOCK_SIZE };
      }
      raw.push(parseCard(image));
    }
  }
}

/** Card text, or undefined if the bytes are not printable ASCII (so this is not a header). */
function cardText(buffer: Uint8Array, start: number): string | undefined {
  let text = '';
  for (let i = start; i < start + CARD_LENGTH; i++) {
    const byte = buffer[i];
    if (byte < 0x20 || byte > 0x7e) return undefined;
    text += String.fromCharCode(byte);
  }
  return text;
}

/**
 * The CONTINUE long-string convention (FITS 4.0 4.2.1.2): a string ending in
 * '&' is continued by the string on the next CONTINUE card, and so on.
 */
function joinContinuations(cards: Card[]): Card[] {
  const out: Card[] = [];
  for (let i = 0; i < cards.length; i++) {
    let card = cards[i];
    while (typeof card.value === 'string' && card.value.endsWith('&') && cards[i + 1]?.keyword === 'CONTINUE') {
      const next = parseContinueCard(cards[i + 1]);
      if (!next) break;
      card = {
        ...card,
        value: card.value.slice(0, -1) + (next.value as string),
        valueText: card.valueText + next.valueText,
        comment: [card.comment, next.comment].filter(Boolean).join(' '),
        images: [...card.images, ...cards[i + 1].images],
      };
      i++;
    }
    out.push(card);
  }
  return out;
}
