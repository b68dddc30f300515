// Checks, block by block while an upload streams past, that a file is the FITS file it claims to
// be: every HDU header parses (with the FITS reader's own header and layout code), each data unit
// is as long as its header says (so a truncated file is caught), and a .fz file holds a
// tile-compressed image whose image header can be restored. Only one header is held at a time;
// data units are counted, not kept.
import { FitsError } from '../fits/index.ts';
import { BLOCK_SIZE, parseHeader } from '../fits/header.ts';
import type { Header } from '../fits/header.ts';
import { dataLength, padded } from '../fits/layout.ts';
import { restoreImageHeader } from '../fits/compressed/restore-header.ts';
import { UploadContentError } from './inspector.ts';
import type { ContentInspector } from './inspector.ts';

const CARD = 80;
/** A header longer than this is not a header (it would be thousands of cards). */
const MAX_HEADER_BLOCKS = 1000;
const XTENSION = Buffer.from('XTENSION=');
const SIMPLE = Buffer.from('SIMPLE  =');

type State =
  | { at: 'header'; blocks: Buffer[]; partial: Buffer }
  | { at: 'data'; hdu: number; remaining: number; length: number; padding: number }
  | { at: 'padding'; remaining: number }
  | { at: 'next'; seen: Buffer }
  | { at: 'trailing' };

export class FitsInspector implements ContentInspector {
  private state: State = { at: 'header', blocks: [], partial: Buffer.alloc(0) };
  private hdus = 0;
  private compressed = false;

  constructor(private readonly options: { name: string; requireCompressed: boolean }) {}

  push(chunk: Buffer): void {
    let rest = chunk;
    while (rest.length > 0) rest = this.step(rest);
  }

  end(): void {
    const state = this.state;
    if (state.at === 'header') {
      const bytes = state.blocks.length * BLOCK_SIZE + state.partial.length;
      if (this.hdus === 0 && bytes < BLOCK_SIZE) this.fail('it is shorter than one 2880-byte header block');
      if (this.hdus === 0 || bytes > 0) this.fail(`truncated header in HDU ${this.hdus} (the file ends before its END card)`);
    }
    if (state.at === 'data') {
      this.fail(`truncated data in HDU ${state.hdu} (expected ${state.length} bytes, found ${state.length - state.remaining})`);
    }
    if (this.options.requireCompressed && !this.compressed) {
      this.fail('no tile-compressed image in this .fz file (fpack writes one as a BINTABLE with ZIMAGE = T)');
    }
  }

  /** Consumes some of `chunk` in the current state; returns what is left. */
  private step(chunk: Buffer): Buffer {
    const state = this.state;
    switch (state.at) {
      case 'header': {
        const need = BLOCK_SIZE - state.partial.length;
        state.partial = Buffer.concat([state.partial, chunk.subarray(0, need)]);
        if (this.hdus === 0 && state.blocks.length === 0 && state.partial.length >= SIMPLE.length && !state.partial.subarray(0, SIMPLE.length).equals(SIMPLE)) {
          this.fail('it does not start with a SIMPLE card');
        }
        if (state.partial.length === BLOCK_SIZE) this.headerBlock(state, state.partial);
        return chunk.subarray(need);
      }
      case 'data': {
        const used = Math.min(state.remaining, chunk.length);
        state.remaining -= used;
        if (state.remaining === 0) this.state = state.padding > 0 ? { at: 'padding', remaining: state.padding } : { at: 'next', seen: Buffer.alloc(0) };
        return chunk.subarray(used);
      }
      case 'padding': {
        // Padding is skipped, not checked: the FITS reader tolerates a missing or dirty pad too.
        const used = Math.min(state.remaining, chunk.length);
        state.remaining -= used;
        if (state.remaining === 0) this.state = { at: 'next', seen: Buffer.alloc(0) };
        return chunk.subarray(used);
      }
      case 'next': {
        // Another HDU starts with XTENSION=; anything else is trailing bytes, ignored as readFits does.
        const need = XTENSION.length - state.seen.length;
        state.seen = Buffer.concat([state.seen, chunk.subarray(0, need)]);
        if (state.seen.length < XTENSION.length) return chunk.subarray(need);
        if (!state.seen.equals(XTENSION)) {
          this.state = { at: 'trailing' };
          return Buffer.alloc(0);
        }
        this.state = { at: 'header', blocks: [], partial: state.seen };
        return chunk.subarray(need);
      }
      case 'trailing':
        return Buffer.alloc(0);
    }
  }

  private headerBlock(state: Extract<State, { at: 'header' }>, block: Buffer): void {
    state.blocks.push(block);
    state.partial = Buffer.alloc(0);
    if (!hasEndCard(block)) {
      if (!printable(block)) this.fail(`no END card in HDU ${this.hdus} (its header runs into binary bytes)`);
      if (state.blocks.length >= MAX_HEADER_BLOCKS) this.fail(`no END card in HDU ${this.hdus} within ${MAX_HEADER_BLOCKS} header blocks`);
      return;
    }
    const where = { file: this.options.name, hdu: this.hdus };
    const isPrimary = this.hdus === 0;
    let length: number;
    try {
      const { header } = parseHeader(Buffer.concat(state.blocks), 0, where);
      length = dataLength(header, isPrimary, where);
      if (!isPrimary && isCompressedImage(header)) {
        restoreImageHeader(header, where);
        this.compressed = true;
      }
    } catch (error) {
      if (error instanceof FitsError) throw new UploadContentError(error.detail);
      throw error;
    }
    const hdu = this.hdus++;
    this.state = length > 0
      ? { at: 'data', hdu, remaining: length, length, padding: padded(length) - length }
      : { at: 'next', seen: Buffer.alloc(0) };
  }

  private fail(reason: string): never {
    throw new UploadContentError(reason);
  }
}

/** Whether a header block holds the END card (END followed by blanks). */
function hasEndCard(block: Buffer): boolean {
  for (let offset = 0; offset < BLOCK_SIZE; offset += CARD) {
    if (block[offset] !== 0x45 || block[offset + 1] !== 0x4e || block[offset + 2] !== 0x44) continue; // "END"
    let blank = true;
    for (let i = offset + 3; i < offset + CARD && blank; i++) blank = block[i] === 0x20;
    if (blank) return true;
  }
  return false;
}

function printable(block: Buffer): boolean {
  for (const byte of block) if (byte < 0x20 || byte > 0x7e) return false;
  return true;
}

function isCompressedImage(header: Header): boolean {
  return (header.getString('XTENSION') ?? '').trim().toUpperCase() === 'BINTABLE' && header.getBoolean('ZIMAGE', false);
}
