import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chunkDecoder, detectEncoding, encodingName } from '../../../src/io/readers/encoding.js';

const dir = mkdtempSync(join(tmpdir(), 'wbk-enc-'));

describe('detectEncoding', () => {
  it('reads valid UTF-8, with or without BOM, as utf-8', async () => {
    const plain = join(dir, 'plain.csv');
    writeFileSync(plain, 'a\ncafé\n');
    const bom = join(dir, 'bom.csv');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\n')]));
    assert.equal(await detectEncoding(plain), 'utf-8');
    assert.equal(await detectEncoding(bom), 'utf-8');
  });
  it('reads a file starting with a UTF-16 byte-order mark as UTF-16 of that byte order', async () => {
    // "a\né\n" in UTF-16: é is U+00E9; LE writes E9 00, BE writes 00 E9 (Unicode standard, ch. 3.10).
    const le = join(dir, 'le.csv');
    writeFileSync(le, Buffer.from([0xff, 0xfe, 0x61, 0, 0x0a, 0, 0xe9, 0, 0x0a, 0]));
    const be = join(dir, 'be.csv');
    writeFileSync(be, Buffer.from([0xfe, 0xff, 0, 0x61, 0, 0x0a, 0, 0xe9, 0, 0x0a]));
    assert.equal(await detectEncoding(le), 'utf-16le');
    assert.equal(await detectEncoding(be), 'utf-16be');
  });
  it('reads a lone 0xE9 byte (é in Windows-1252) as windows-1252', async () => {
    const path = join(dir, 'cp.csv');
    writeFileSync(path, Buffer.from([0x61, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
    assert.equal(await detectEncoding(path), 'windows-1252');
  });
  it('joins a UTF-8 character split across the 1 MiB read chunks', async () => {
    // "é" is C3 A9: put C3 as the last byte of the first MiB and A9 as the first of the second.
    const bytes = Buffer.alloc((1 << 20) + 1, 0x61);
    bytes[(1 << 20) - 1] = 0xc3;
    bytes[1 << 20] = 0xa9;
    const path = join(dir, 'split.csv');
    writeFileSync(path, bytes);
    assert.equal(await detectEncoding(path), 'utf-8');
  });
});

describe('encodingName', () => {
  it('normalises spellings', () => {
    assert.equal(encodingName('UTF8'), 'utf-8');
    assert.equal(encodingName('cp1252'), 'windows-1252');
    assert.equal(encodingName('ISO-8859-1'), 'windows-1252');
  });
  it('takes UTF-16 spellings, plain UTF-16 as little-endian', () => {
    assert.equal(encodingName('UTF-16'), 'utf-16le');
    assert.equal(encodingName('utf-16BE'), 'utf-16be');
  });
  it('rejects other encodings', () => {
    assert.throws(
      () => encodingName('shift_jis'),
      /encoding "shift_jis" is not supported\. Use "utf-8", "windows-1252", "utf-16le" or "utf-16be"\./,
    );
  });
});

describe('chunkDecoder', () => {
  it('maps Windows-1252 bytes 0x80–0x9F to their characters', () => {
    // 0x80 €, 0x92 ’ (right single quote), 0x96 – (en dash): from the Windows-1252 code page table.
    assert.equal(chunkDecoder('windows-1252')(Buffer.from([0x80, 0x92, 0x96, 0xe9])), '€’–é');
  });
  it('decodes UTF-16 LE and BE split mid-character, without the BOM', () => {
    // "é€": U+00E9, U+20AC; each cut falls inside a two-byte code unit.
    const le = chunkDecoder('utf-16le');
    assert.equal(
      le(Buffer.from([0xff, 0xfe, 0xe9])) + le(Buffer.from([0, 0xac, 0x20])) + le(),
      'é€',
    );
    const be = chunkDecoder('utf-16be');
    assert.equal(
      be(Buffer.from([0xfe, 0xff, 0])) + be(Buffer.from([0xe9, 0x20, 0xac])) + be(),
      'é€',
    );
  });
  it('joins UTF-8 characters split between chunks', () => {
    const decode = chunkDecoder('utf-8');
    assert.equal(decode(Buffer.from([0x63, 0xc3])) + decode(Buffer.from([0xa9])) + decode(), 'cé');
  });
});
