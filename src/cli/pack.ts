/** Staff CLI entry: `npm run pack -- keygen|build|verify|preview|template …`; exit 0 good, 1 problems, 2 usage. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPack } from './build-pack';
import { buildSummary, problemLines } from './build-report';
import { keygen, readPrivateKey, readPublicKeyText } from './keys';
import { PREVIEW_PORT, startPreview } from './preview';
import { CliProblem } from './problems';
import { terminalProgress } from './progress';
import { writeTemplate } from './sheet-template';
import { verifyFeed } from './verify-feed';

const USAGE = `usage:
  npm run pack -- keygen --out DIR [--name NAME]
  npm run pack -- build SOURCE --out FEED [--key FILE] [--version N]
  npm run pack -- verify FEED [--pub FILE]
  npm run pack -- preview SOURCE [--port N] [--no-open]
  npm run pack -- template --out DIR

  keygen  makes NAME.key (secret, for building) and NAME.pub (for kiosks) in DIR
  build   checks SOURCE (pack.json, content.json or content.yaml, media) and writes a signed feed to FEED;
          --key defaults to the single *.key file in SOURCE/keys; the people may come from a
          spreadsheet in SOURCE (one .xlsx, or 人物.csv, 荣誉.csv …), see docs/staff-guide.zh-CN.md
  verify  checks FEED as a kiosk would; --pub defaults to media/demo/keys/demo.pub
  preview builds SOURCE into a temporary feed and serves the kiosk on it at localhost (port
          ${PREVIEW_PORT} or the next free one), rebuilding whenever SOURCE changes; opens the
          browser unless --no-open; Ctrl+C ends it and removes the temporary feed
  template  writes a starting source to DIR: 人物.xlsx (an example row a sheet, a 说明 sheet),
          content.json and pack.json`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      key: { type: 'string' },
      pub: { type: 'string' },
      name: { type: 'string' },
      version: { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
    },
  });
  switch (command) {
    case 'keygen': {
      if (!values.out || positionals.length) throw new UsageError('keygen needs --out DIR');
      const { key, pub } = await keygen(values.out, values.name ?? 'feed');
      console.log(`wrote ${key} (keep it secret) and ${pub} (configure kiosks with it)`);
      return 0;
    }
    case 'build': {
      const [source] = positionals;
      if (!source || positionals.length > 1 || !values.out)
        throw new UsageError('build needs SOURCE and --out FEED');
      const version = values.version === undefined ? undefined : Number(values.version);
      if (version !== undefined && (!Number.isInteger(version) || version < 1))
        throw new UsageError('--version must be a whole number of 1 or more');
      const key = await readPrivateKey(values.key ?? (await findKey(source)));
      const r = await buildPack({
        source,
        out: values.out,
        key,
        version,
        progress: terminalProgress(),
      });
      buildSummary(r, values.out).forEach((line) => console.log(line));
      return 0;
    }
    case 'preview': {
      const [source] = positionals;
      if (!source || positionals.length > 1) throw new UsageError('preview needs SOURCE');
      const port = values.port === undefined ? undefined : Number(values.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
        throw new UsageError('--port must be a port number (0 picks a free one)');
      const preview = await startPreview({ source, port, open: !values['no-open'] });
      // Runs until Ctrl+C (or a stop from the system), then cleans up after itself.
      return new Promise<number>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void preview.close().then(() => {
            console.log('› 预览已结束，临时文件已删除 / preview ended; temporary files removed');
            done(0);
          });
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    }
    case 'template': {
      if (!values.out || positionals.length) throw new UsageError('template needs --out DIR');
      const files = await writeTemplate(values.out);
      console.log(`wrote ${files.join(', ')}: fill in the spreadsheet, then build the folder`);
      return 0;
    }
    case 'verify': {
      const [feed] = positionals;
      if (!feed || positionals.length > 1) throw new UsageError('verify needs FEED');
      const pub = await readPublicKeyText(values.pub ?? 'media/demo/keys/demo.pub');
      const r = await verifyFeed(feed, pub);
      r.warnings.forEach((w) => console.log(`warning: ${w}`));
      if (r.problems.length) {
        r.problems.forEach((p) => console.error(p));
        return 1;
      }
      console.log(
        `ok: pack "${r.index!.pack}" version ${r.index!.version}, ${r.files} files, ${(r.bytes / 1e6).toFixed(2)} MB verified`,
      );
      return 0;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

async function findKey(source: string): Promise<string> {
  const dir = join(source, 'keys');
  const keys = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.key'));
  if (keys.length !== 1)
    throw new CliProblem(dir, '(file)', 'must hold exactly one *.key file, or pass --key FILE');
  return join(dir, keys[0]!);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(e as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    const lines = problemLines(e) ?? [`unexpected error: ${(e as Error).stack ?? String(e)}`];
    lines.forEach((l) => console.error(l));
    process.exit(1);
  },
);
