import { describe, expect, it } from 'vitest';
import { signatureProblem, typeForPath } from './media-types';
import { isSafePackPath } from './paths';

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

describe('media signatures (one table for the CLI and the kiosk)', () => {
  const bytes = (...parts: (string | number[])[]) =>
    new Uint8Array(
      parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
    );
  it('accepts files whose first bytes are their kind, and names the kind when they are not', () => {
    expect(signatureProblem(bytes('RIFF', [0, 0, 0, 0], 'WEBP'), 'image/webp')).toBeNull();
    expect(signatureProblem(bytes([0x89], 'PNG'), 'image/webp')).toBe('is not a WebP image');
    expect(signatureProblem(bytes([0, 0, 0, 24], 'ftypisom'), 'video/mp4')).toBeNull();
    expect(signatureProblem(bytes([0x1a, 0x45, 0xdf, 0xa3]), 'video/webm')).toBeNull();
    expect(signatureProblem(bytes('wOF2'), 'font/woff2')).toBeNull();
    expect(signatureProblem(bytes('<html>'), 'application/json')).toBe('is not a JSON file');
    expect(signatureProblem(bytes('<svg/>'), 'image/svg+xml')).toMatch(/not an allowed media type/);
  });
});
