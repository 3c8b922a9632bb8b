/** Finding the feed in what staff chose: at the top, one folder down, or refusing to guess. */
import { describe, expect, it } from 'vitest';
import { findFeedRoot, withoutTopFolder } from './feed-root';

describe('findFeedRoot', () => {
  it('prefers a feed at the top', () => {
    expect(findFeedRoot(['objects/aa', 'index.json', 'old/index.json'])).toBe('');
  });

  it('finds a feed one folder down', () => {
    expect(findFeedRoot(['feed/objects/aa', 'feed/index.json', 'photos/x.jpg'])).toBe('feed/');
  });

  it('looks no deeper than one folder', () => {
    expect(findFeedRoot(['a/b/index.json'])).toBe('');
  });

  it('ignores folders archivers and file managers add', () => {
    expect(findFeedRoot(['__MACOSX/index.json', 'feed/index.json'])).toBe('feed/');
  });

  it('leaves a folder without a feed at the top, for the check to say the index is missing', () => {
    expect(findFeedRoot(['photos/x.jpg'])).toBe('');
    expect(findFeedRoot([])).toBe('');
  });

  it('refuses to choose between two feeds', () => {
    expect(() => findFeedRoot(['new/index.json', 'old/index.json'])).toThrow(
      'several folders hold a feed (“new”, “old”); choose the one to import',
    );
  });
});

describe('withoutTopFolder', () => {
  it('drops the folder staff chose from a relative path', () => {
    expect(withoutTopFolder('usb/feed/index.json')).toBe('feed/index.json');
    expect(withoutTopFolder('index.json')).toBe('index.json');
  });
});
