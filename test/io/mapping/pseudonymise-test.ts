import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePseudonymiser, resolvePseudonymKey } from '../../../src/io/mapping/pseudonymise.js';

describe('makePseudonymiser', () => {
  it('gives the first 16 hex digits of HMAC-SHA256(key, id)', () => {
    // Reference: printf '%s' 000123 | openssl dgst -sha256 -hmac 'correct horse battery staple'
    // → 95ceaefe12196b966f8148d4678ac992b204c3d3028ca471ae9a9f650ac9a3bb
    assert.equal(makePseudonymiser('correct horse battery staple')('000123'), '95ceaefe12196b96');
  });
  it('keeps leading zeros significant', () => {
    const p = makePseudonymiser('correct horse battery staple');
    assert.notEqual(p('000123'), p('123'));
  });
  it('rejects a short key', () => {
    assert.throws(
      () => makePseudonymiser('short'),
      /pseudonymisation key is too short \(5 characters\)\. Use at least 16 random characters/,
    );
  });
});

describe('resolvePseudonymKey', () => {
  it('reads the key from the environment variable', () => {
    assert.equal(
      resolvePseudonymKey({ env: { WBK_PSEUDONYM_KEY: ' k3y-from-env-0123456 ' } }),
      'k3y-from-env-0123456',
    );
  });
  it('reads a key file outside git', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wbk-key-')), 'key');
    writeFileSync(path, 'file-key-0123456789\n');
    assert.equal(resolvePseudonymKey({ keyFile: path, env: {} }), 'file-key-0123456789');
  });
  it('refuses a key file inside a git work tree', () => {
    const repo = mkdtempSync(join(tmpdir(), 'wbk-repo-'));
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'secrets'));
    writeFileSync(join(repo, 'secrets', 'key'), 'x'.repeat(20));
    assert.throws(
      () => resolvePseudonymKey({ keyFile: join(repo, 'secrets', 'key') }),
      new RegExp(
        `is inside the git work tree ${repo}, where it could be committed\\. Move it outside`,
      ),
    );
  });
  it('says how to give a key when there is none', () => {
    assert.throws(
      () => resolvePseudonymKey({ env: {} }),
      /pseudonymisation is on but no key was given\. Set WBK_PSEUDONYM_KEY, or "pseudonymise": \{ "key_file": "\/path\/outside\/git" \} in the mapping\./,
    );
  });
});
