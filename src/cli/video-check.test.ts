/** Tests of the film header reader: the demo's MP4, the same file with its codec tag changed, and WebM headers written here. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { filmProblem, readFilmInfo } from './video-check';

const demoFilm = async () => new Uint8Array(await readFile('media/demo/videos/craft-1.mp4'));

/** The MP4 with its first video sample entry's tag replaced (the bytes otherwise the demo's own). */
function retag(mp4: Uint8Array, from: string, to: string, after = 'stsd'): Uint8Array {
  const out = mp4.slice();
  const text = Buffer.from(out).toString('latin1');
  const at = text.indexOf(from, text.indexOf(after));
  expect(at).toBeGreaterThan(0);
  out.set(Buffer.from(to, 'latin1'), at);
  return out;
}

/** One EBML element: id bytes, an 8-byte size, the body. */
const el = (id: number[], ...body: Uint8Array[]) => {
  const data = Buffer.concat(body);
  const size = Buffer.alloc(8);
  size.writeBigUInt64BE(BigInt(data.length) | (1n << 56n)); // 8-byte vint: marker 0x01 then the length
  return new Uint8Array(Buffer.concat([Buffer.from(id), size, data]));
};
const u = (n: number) => new Uint8Array([n >> 8, n & 0xff]);
/** The header of a WebM file with one video track: EBML header, Segment › Tracks › TrackEntry, then a Cluster. */
function webm(codec: string, width: number, height: number): Uint8Array {
  const entry = el(
    [0xae],
    el([0xd7], new Uint8Array([1])),
    el([0x83], new Uint8Array([1])),
    el([0x86], Buffer.from(codec, 'latin1')),
    el([0xe0], el([0xb0], u(width)), el([0xba], u(height))),
  );
  return new Uint8Array(
    Buffer.concat([
      el([0x1a, 0x45, 0xdf, 0xa3], el([0x42, 0x82], Buffer.from('webm'))),
      el(
        [0x18, 0x53, 0x80, 0x67],
        el([0x16, 0x54, 0xae, 0x6b], entry),
        el([0x1f, 0x43, 0xb6, 0x75]),
      ),
    ]),
  );
}

describe('film header', () => {
  it('reads H.264 and the picture size from the demo MP4, and accepts it', async () => {
    const film = await demoFilm();
    expect(readFilmInfo(film, 'video/mp4')).toEqual({
      container: 'mp4',
      tag: 'avc1',
      codec: 'H.264',
      width: 960,
      height: 540,
    });
    expect(filmProblem(film, 'video/mp4')).toBeNull();
  });

  it('accepts VP9 and AV1 in MP4, refuses HEVC with the codec found and what is expected', async () => {
    const film = await demoFilm();
    expect(filmProblem(retag(film, 'avc1', 'vp09'), 'video/mp4')).toBeNull();
    expect(filmProblem(retag(film, 'avc1', 'av01'), 'video/mp4')).toBeNull();
    expect(filmProblem(retag(film, 'avc1', 'hvc1'), 'video/mp4')).toBe(
      '影片编码是 HEVC (H.265) (hvc1)，展厅的 Chromium 播放不了；请转成 H.264、VP9 或 AV1（例如 MP4 里的 H.264）' +
        " / the film is coded HEVC (H.265) (hvc1), which the kiosk's Chromium cannot play; expected H.264, VP9 or AV1 (H.264 in MP4 is safest)",
    );
  });

  it('reads WebM CodecID: VP9 and AV1 accepted, H.264 in WebM refused', () => {
    expect(readFilmInfo(webm('V_VP9', 1920, 1080), 'video/webm')).toEqual({
      container: 'webm',
      tag: 'V_VP9',
      codec: 'VP9',
      width: 1920,
      height: 1080,
    });
    expect(filmProblem(webm('V_AV1', 1280, 720), 'video/webm')).toBeNull();
    expect(filmProblem(webm('V_MPEG4/ISO/AVC', 1280, 720), 'video/webm')).toMatch(
      /the film is coded H\.264 \(not played from WebM\) \(V_MPEG4\/ISO\/AVC\), which the kiosk's Chromium cannot play/,
    );
  });

  it('refuses a picture larger than 4K and a file with no video track, saying so', async () => {
    expect(filmProblem(webm('V_VP9', 7680, 4320), 'video/webm')).toMatch(
      /the picture is 7680×4320; expected between 1 and 3840×2160/,
    );
    const film = await demoFilm();
    expect(filmProblem(retag(film, 'vide', 'soun', 'hdlr'), 'video/mp4')).toMatch(
      /no video track found in the file's header; expected H\.264, VP9 or AV1/,
    );
    expect(filmProblem(film.subarray(0, 32), 'video/mp4')).toMatch(/no video track found/);
  });
});
