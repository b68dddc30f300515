import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCard } from '../../../src/tom/fits/card.ts';
import { FitsError, Header, readFits } from '../../../src/tom/fits/index.ts';
import { expectation, fixtureBytes } from './fixtures.ts';

const card = (text: string) => parseCard(text.padEnd(80, ' '));

test('card values are typed: strings with doubled quotes, logicals, integers, reals, complex', () => {
  assert.equal(card("OBJECT  = 'M13     '           / target").value, 'M13');
  assert.equal(card("OBJECT  = 'M13     '           / target").comment, 'target');
  assert.equal(card("NAME    = 'O''Brien'").value, "O'Brien");
  assert.equal(card("SLASH   = 'a/b'  / comment with / inside").value, 'a/b');
  assert.equal(card("SLASH   = 'a/b'  / comment with / inside").comment, 'comment with / inside');
  assert.equal(card("LEAD    = '  x  '").value, '  x', 'leading spaces kept, trailing dropped');
  assert.equal(card("EMPTY   = ''").value, '');
  assert.equal(card('FLAG    =                    T').value, true);
  assert.equal(card('FLAG    =                    F / no').value, false);
  assert.equal(card('N       =                  -42').value, -42);
  assert.equal(card('X       =             1.5D+03').value, 1500);
  assert.equal(card('X       =              -2.5e-3').value, -0.0025);
  assert.equal(card('X       =                   .5').value, 0.5);
  assert.deepEqual(card('Z       =          (1.5, -2.0)').value, { re: 1.5, im: -2 });
  assert.equal(card('U       =                      / undefined').value, null);
  assert.equal(card('U       =                      / undefined').commentary, false);
});

test('commentary cards keep their text and have no value', () => {
  const history = card('HISTORY   some text = with equals');
  assert.equal(history.commentary, true);
  assert.equal(history.value, null);
  assert.equal(history.comment, '  some text = with equals');
  const blank = card('        free text');
  assert.equal(blank.keyword, '');
  assert.equal(blank.commentary, true);
  // No "= " in columns 9-10: not a value card even with a normal keyword.
  assert.equal(card('NOVALUE just words').commentary, true);
});

test('HIERARCH cards are keyed by the words after HIERARCH', () => {
  const c = card('HIERARCH ESO DET CHIP TEMP = -120.5 / degrees');
  assert.equal(c.keyword, 'ESO DET CHIP TEMP');
  assert.equal(c.value, -120.5);
  assert.equal(c.comment, 'degrees');
});

test('header_cards.fits matches the values astropy wrote, CONTINUE strings joined', () => {
  const exp = expectation('header_cards.fits');
  const fits = readFits(fixtureBytes('header_cards.fits'), { name: 'header_cards.fits' });
  const header = fits.hdus[0].header;
  const valueCards = header.cards.filter((c) => !c.commentary);
  assert.deepEqual(
    valueCards.map((c) => c.keyword),
    exp.header.map((kv: [string, unknown]) => kv[0]),
  );
  for (const [key, want] of exp.header as [string, unknown][]) {
    const got = header.get(key);
    if (Array.isArray(want)) assert.deepEqual(got, { re: want[0], im: want[1] }, key);
    else assert.deepEqual(got, want, key);
  }
  assert.equal(header.getString('LONGSTR'), exp.longString);
  assert.equal(header.card('LONGSTR')?.images.length, 4, 'one card plus three CONTINUE cards');
  assert.equal(header.card('LONGSTR')?.comment, 'a long string');
  assert.deepEqual(header.history(), exp.history);
  assert.deepEqual(header.comments(), exp.comment);
  assert.equal(header.cards.length, exp.cardCount);
  // 2^53 + 1 survives as text for exact reading.
  assert.equal(header.getBigInt('BIGINT'), 9007199254740993n);
});

test('typed getters return fallbacks when absent and reject wrong types with FitsError', () => {
  const header = readFits(fixtureBytes('header_cards.fits'), { name: 'header_cards.fits' }).hdus[0].header;
  assert.equal(header.getInt('NAXIS'), 2);
  assert.equal(header.getInt('naxis'), 2, 'keywords are case-insensitive');
  assert.equal(header.getNumber('FLTVAL'), 3.25e-5);
  assert.equal(header.getBoolean('FLAG'), true);
  assert.equal(header.getString('MISSING'), undefined);
  assert.equal(header.getNumber('MISSING', 7), 7);
  assert.equal(header.has('DEXP'), true);
  assert.throws(() => header.getInt('FLTVAL'), (e: unknown) => e instanceof FitsError && /FLTVAL is not an integer/.test(e.message));
  assert.throws(() => header.getString('INTVAL'), (e: unknown) => e instanceof FitsError && /header_cards\.fits: keyword INTVAL is not a string in HDU 0/.test(e.message));
  assert.throws(() => header.requireInt('NOPE'), /missing required keyword NOPE/);
});

test('the first of repeated keywords wins', () => {
  const h = new Header([card('A       =                    1'), card('A       =                    2')]);
  assert.equal(h.getInt('A'), 1);
  assert.equal(h.cards.length, 2);
});

test('a string ending in & without a following CONTINUE keeps its &', () => {
  const block = [
    "SIMPLE  =                    T",
    'BITPIX  =                    8',
    'NAXIS   =                    0',
    "AMP     = 'ends with &'",
    "NEXT    = 'x'",
    'END',
  ]
    .map((c) => c.padEnd(80, ' '))
    .join('')
    .padEnd(2880, ' ');
  const header = readFits(Buffer.from(block, 'latin1')).hdus[0].header;
  assert.equal(header.getString('AMP'), 'ends with &');
  assert.equal(header.getString('NEXT'), 'x');
});
