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
  it('rejects other encodings', () => {
    assert.throws(
      () => encodingName('utf-16'),
      /encoding "utf-16" is not supported\. Use "utf-8" or "windows-1252"\./,
    );
  });
});

describe('chunkDecoder', () => {
  it('maps Windows-1252 bytes 0x80–0x9F to their characters', () => {
    // 0x80 €, 0x92 ’ (right single quote), 0x96 – (en dash): from the Windows-1252 code page table.
    assert.equal(chunkDecoder('windows-1252')(Buffer.from([0x80, 0x92, 0x96, 0xe9])), '€’–é');
  });
  it('joins UTF-8 characters split between chunks', () => {
    const decode = chunkDecoder('utf-8');
    assert.equal(decode(Buffer.from([0x63, 0xc3])) + decode(Buffer.from([0xa9])) + decode(), 'cé');
  });
});
