import { describe, expect, it } from 'vitest';
import { isSafePackPath, typeForPath } from './paths';

describe('pack paths', () => {
  it.each(['portraits/wang.webp', 'videos/craft-1.zh-CN.vtt', 'a_b/c-d/e.f.png', 'content.json'])(
    'accepts the plain relative path %s',
    (p) => expect(isSafePackPath(p)).toBe(true),
  );

  it.each([
    ['..', 'parent'],
    ['../secret.webp', 'parent traversal'],
    ['portraits/../../etc/passwd', 'inner traversal'],
    ['/etc/passwd', 'absolute'],
    ['portraits\\wang.webp', 'backslash'],
    ['%2e%2e/x.webp', 'encoded traversal'],
    ['portraits/%2F..%2Fx.webp', 'encoded slash'],
    ['https://evil.example/x.webp', 'URL with a scheme'],
    ['javascript:alert(1)', 'script scheme'],
    ['C:/x.webp', 'drive letter'],
    ['portraits//wang.webp', 'empty segment'],
    ['./wang.webp', 'dot segment'],
    ['.hidden.webp', 'hidden file'],
    ['', 'empty'],
    ['a'.repeat(201), 'too long'],
  ])('refuses %s (%s)', (p) => expect(isSafePackPath(p)).toBe(false));

  it('maps extensions to the allowed media types and refuses script-capable ones', () => {
    expect(typeForPath('a/b.WEBP')).toBe('image/webp');
    expect(typeForPath('v.mp4')).toBe('video/mp4');
    expect(typeForPath('c.vtt')).toBe('text/vtt');
    expect(typeForPath('x.svg')).toBeNull();
    expect(typeForPath('x.html')).toBeNull();
    expect(typeForPath('x.js')).toBeNull();
    expect(typeForPath('noext')).toBeNull();
  });
});
