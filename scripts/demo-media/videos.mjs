// Renders the two sample craft videos (canvas scenes in Chromium, piped to ffmpeg) with posters and zh-CN/en captions.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT_DIR } from './build-content.mjs';
import { launchBrowser, pngToWebp } from './browser.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const FPS = 25;

/** Caption cues: [start s, end s, zh-CN, en]. The clips are silent apart from a soft pad, so cues describe the picture. */
const VIDEOS = [
  {
    name: 'craft-1',
    scene: 'welding',
    posterAt: 7.4,
    // A calm A-minor-ish pad.
    pad: [110, 164.81, 220, 261.63],
    cues: [
      [
        0.5,
        3.2,
        '示例影片：船舶电焊工何军（虚构人物）',
        'Sample film: ship welder He Jun (a fictional person)',
      ],
      [
        3.6,
        6.0,
        '船体分段合拢，靠的是一道道焊缝。',
        'A hull comes together section by section, seam by seam.',
      ],
      [
        6.0,
        8.6,
        '焊枪的角度和速度，要稳稳地保持住。',
        'The torch has to hold its angle and pace, steady all the way.',
      ],
      [
        8.6,
        11.0,
        '焊道冷却后，还要经过探伤检验。',
        'Once it cools, every seam is checked for hidden flaws.',
      ],
      [11.5, 13.6, '每一道焊缝，都是对安全的承诺。', 'Every seam is a promise of safety.'],
    ],
  },
  {
    name: 'craft-2',
    scene: 'gears',
    posterAt: 10.6,
    // A calm C-major-ish pad.
    pad: [130.81, 196, 261.63, 329.63],
    cues: [
      [
        0.5,
        3.2,
        '示例影片：数控铣工黄磊（虚构人物）',
        'Sample film: CNC machinist Huang Lei (a fictional person)',
      ],
      [3.5, 6.0, '每一个零件，都从一张图纸开始。', 'Every part begins as a drawing.'],
      [
        6.0,
        8.2,
        '尺寸、公差、基准，一项也不能含糊。',
        'Sizes, tolerances, datums: nothing may be left vague.',
      ],
      [
        8.4,
        10.6,
        '零件装到一起，齿与齿要严丝合缝。',
        'When the parts come together, every tooth must meet its partner exactly.',
      ],
      [10.6, 12.2, '误差，以微米计。', 'Errors are counted in microns.'],
      [12.5, 14.6, '把每一个零件都做到零缺陷。', 'Aiming for zero defects, one part at a time.'],
    ],
  },
];

const stamp = (s) => {
  const ms = Math.round(s * 1000);
  const mm = String(Math.floor(ms / 60000)).padStart(2, '0');
  const ss = String(Math.floor((ms % 60000) / 1000)).padStart(2, '0');
  return `00:${mm}:${ss}.${String(ms % 1000).padStart(3, '0')}`;
};

function vtt(cues, lang) {
  const blocks = cues.map(
    ([a, b, zh, en], i) => `${i + 1}\n${stamp(a)} --> ${stamp(b)}\n${lang === 'en' ? en : zh}\n`,
  );
  return `WEBVTT\n\n${blocks.join('\n')}`;
}

/** A quiet sustained chord with a slow swell, faded in and out. */
function padExpression(freqs) {
  const voices = freqs.map((f, i) => `${(0.5 / (i + 1)).toFixed(2)}*sin(2*PI*${f}*t)`).join('+');
  return `0.06*(${voices})*(0.75+0.25*sin(2*PI*0.12*t))`;
}

function encode(video, duration, outPath) {
  const args = [
    '-y',
    '-loglevel',
    'error',
    '-f',
    'image2pipe',
    '-framerate',
    String(FPS),
    '-c:v',
    'png',
    '-i',
    'pipe:0',
    '-f',
    'lavfi',
    '-i',
    `aevalsrc=${padExpression(video.pad)}:s=44100:d=${duration}`,
    '-filter:a',
    `lowpass=f=1500,afade=t=in:d=1.5,afade=t=out:st=${duration - 2}:d=2`,
    '-c:v',
    'libx264',
    '-preset',
    'slow',
    '-crf',
    '28',
    '-profile:v',
    'main',
    '-pix_fmt',
    'yuv420p',
    '-g',
    String(FPS * 2),
    '-movflags',
    '+faststart',
    '-c:a',
    'aac',
    '-b:a',
    '64k',
    '-ac',
    '1',
    '-t',
    String(duration),
    outPath,
  ];
  const ff = spawn('ffmpeg', args, { stdio: ['pipe', 'inherit', 'inherit'] });
  const done = new Promise((resolve, reject) => {
    ff.on('error', reject);
    ff.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}`)),
    );
  });
  return { stdin: ff.stdin, done };
}

const write = (stream, chunk) =>
  new Promise((resolve, reject) => {
    stream.write(chunk, (err) => (err ? reject(err) : resolve()));
  });

const dir = join(OUT_DIR, 'videos');
mkdirSync(dir, { recursive: true });
for (const file of readdirSync(dir)) rmSync(join(dir, file));

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
  await page.setContent(
    '<!doctype html><body style="margin:0;background:#000"><canvas id="c" width="960" height="540"></canvas></body>',
  );
  await page.addScriptTag({ path: join(HERE, 'scenes.browser.js') });
  // Make sure the CJK faces are ready before the first frame is painted.
  await page.evaluate(async () => {
    await document.fonts.load('700 70px "Noto Serif CJK SC"', '焊花毫厘');
    await document.fonts.load('400 24px "Noto Sans CJK SC"', '示例人物');
  });

  for (const video of VIDEOS) {
    const duration = await page.evaluate((name) => window.scenes[name].duration, video.scene);
    const out = join(dir, `${video.name}.mp4`);
    const { stdin, done } = encode(video, duration, out);
    const frames = Math.round(duration * FPS);
    const posterFrame = Math.round(video.posterAt * FPS);
    for (let i = 0; i < frames; i++) {
      const dataUrl = await page.evaluate(
        ([name, t]) => {
          const canvas = document.getElementById('c');
          window.scenes[name].draw(canvas.getContext('2d'), t);
          return canvas.toDataURL('image/png');
        },
        [video.scene, i / FPS],
      );
      const png = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
      if (i === posterFrame) pngToWebp(png, join(dir, `${video.name}-poster.webp`), 80);
      await write(stdin, png);
    }
    stdin.end();
    await done;
    writeFileSync(join(dir, `${video.name}.zh-CN.vtt`), vtt(video.cues, 'zh-CN'));
    writeFileSync(join(dir, `${video.name}.en.vtt`), vtt(video.cues, 'en'));
    console.log(`video: ${out} (${frames} frames)`);
  }
} finally {
  await browser.close();
}
