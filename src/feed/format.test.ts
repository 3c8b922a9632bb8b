import { describe, expect, it } from 'vitest';
import {
  FeedError,
  FeedIndexSchema,
  ManifestSchema,
  isExpired,
  judgeIndexVersion,
  parseJsonFile,
} from './format';

const enc = (x: unknown) => new TextEncoder().encode(typeof x === 'string' ? x : JSON.stringify(x));
const sha = (c: string) => c.repeat(64);
const index = {
  format: 'kiosk-feed/1',
  pack: 'demo',
  version: 4,
  published: '2026-01-01T00:00:00.000Z',
  expires: '2027-01-01T00:00:00.000Z',
  manifest: { sha256: sha('a'), size: 100 },
};

function errorOf(fn: () => unknown): FeedError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FeedError) return e;
    throw e;
  }
  throw new Error('expected a FeedError');
}

describe('feed index and manifest', () => {
  it('parses a good index', () => {
    expect(parseJsonFile(FeedIndexSchema, enc(index), 'index.json').version).toBe(4);
  });

  it('names the file and field of a bad index', () => {
    const e = errorOf(() =>
      parseJsonFile(
        FeedIndexSchema,
        enc({ ...index, manifest: { sha256: 'xyz', size: 1 } }),
        'index.json',
      ),
    );
    expect(e.file).toBe('index.json');
    expect(e.field).toBe('manifest.sha256');
    expect(e.expected).toMatch(/64 lowercase hex/);
    expect(
      errorOf(() =>
        parseJsonFile(FeedIndexSchema, enc({ ...index, format: 'kiosk-feed/9' }), 'index.json'),
      ).field,
    ).toBe('format');
    expect(errorOf(() => parseJsonFile(FeedIndexSchema, enc('{not json'), 'index.json')).code).toBe(
      'bad-json',
    );
  });

  it('refuses manifest paths that escape the pack, unknown types and a missing content entry', () => {
    const file = { path: 'content.json', sha256: sha('b'), size: 10, type: 'application/json' };
    const good = { format: 'kiosk-pack/1', version: 4, content: sha('b'), files: [file] };
    expect(parseJsonFile(ManifestSchema, enc(good), 'm').files).toHaveLength(1);
    const bad = (files: unknown[], content = sha('b')) =>
      errorOf(() => parseJsonFile(ManifestSchema, enc({ ...good, content, files }), 'm'));
    expect(bad([file, { ...file, path: '../x.webp', sha256: sha('c') }]).field).toBe(
      'files.1.path',
    );
    expect(bad([file, { ...file, path: 'x.svg', type: 'image/svg+xml' }]).field).toBe(
      'files.1.type',
    );
    expect(bad([file], sha('d')).expected).toMatch(/content must be one of the listed files/);
    expect(bad([file, file]).expected).toMatch(/lists a path twice/);
  });

  it('judges versions: newer goes ahead, older is rollback, same bytes are up to date, same version other bytes is replay', () => {
    const parsed = parseJsonFile(FeedIndexSchema, enc(index), 'index.json');
    expect(judgeIndexVersion(parsed, 3, 'x', 'y')).toBe('newer');
    expect(judgeIndexVersion(parsed, 5, 'x', 'y')).toBe('rollback');
    expect(judgeIndexVersion(parsed, 4, 'same', 'same')).toBe('same');
    expect(judgeIndexVersion(parsed, 4, 'old', 'new')).toBe('replay-different');
  });

  it('tells when an index has expired', () => {
    const parsed = parseJsonFile(FeedIndexSchema, enc(index), 'index.json');
    expect(isExpired(parsed, Date.parse('2026-06-01T00:00:00Z'))).toBe(false);
    expect(isExpired(parsed, Date.parse('2027-06-01T00:00:00Z'))).toBe(true);
  });
});
