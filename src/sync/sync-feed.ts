/** One sync run as a pipeline: index → manifest → objects → check → activate, each a small stage. */
import { isExpired, judgeIndexVersion, type Manifest } from '../feed/format';
import { checkFilmsDecode, checkStoredPack } from './check-pack';
import { fetchObjects, StorageFull } from './fetch-objects';
import { SourceError, type FeedSource } from './feed-source';
import { collectGarbage, dropDamaged, ensureSpace, missingObjects } from '../storage/pack-storage';
import {
  StaleActivation,
  activatePointer,
  readPointers,
  setStaging,
  type PackPointer,
} from '../storage/pointers';
import { readManifest } from './read-manifest';
import { readSignedIndex } from './read-index';
import { Rejection } from './rejection';
import { logStaff } from '../storage/staff-log';
import { activationMode, advance, type SyncOutcome, type SyncPhase } from './sync-machine';
import { hasObject, putObject, putObjectStream, readObject } from '../storage/objects';

export interface SyncProgress {
  phase: SyncPhase;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface SyncOptions {
  /** Where the feed is read from: the web server, or a USB folder or zip staff brought. */
  source: FeedSource;
  /** Base64 Ed25519 public key the index must verify against. */
  publicKey: string;
  /** Staff asked for it (check-now, an import): activate at once even if something is live. */
  staffPresent: boolean;
  /** False when the live pointer's pack could not be shown: then "same version" is not enough. */
  liveShown?: boolean;
  /** Resolves when no visitor is interacting; only awaited when a live pack would be replaced. */
  whenIdle: (signal: AbortSignal) => Promise<void>;
  onProgress?: (p: SyncProgress) => void;
  signal?: AbortSignal;
  now?: () => number;
}

export interface SyncResult {
  outcome: SyncOutcome;
  version: number | null;
  reason: string;
}

/** Runs one check; never throws for feed problems: it logs them and says what happened. */
export async function syncFeed(opts: SyncOptions): Promise<SyncResult> {
  const signal = opts.signal ?? new AbortController().signal;
  const now = opts.now ?? Date.now;
  const { source } = opts;
  const progress: SyncProgress = {
    phase: 'idle',
    filesDone: 0,
    filesTotal: 0,
    bytesDone: 0,
    bytesTotal: 0,
  };
  const report = () => opts.onProgress?.({ ...progress });
  const go = (phase: SyncPhase) => {
    progress.phase = advance(progress.phase, phase);
    report();
  };
  let version: number | null = null;
  try {
    go('checking');
    const { index, indexSha } = await readSignedIndex(source, opts.publicKey, signal);
    version = index.version;
    const pointers = await readPointers();
    const verdict = judgeIndexVersion(
      index,
      pointers.highestVersion,
      pointers.active?.indexSha ?? null,
      indexSha,
    );
    if (pointers.withdrawn.includes(indexSha))
      throw new Rejection(
        'withdrawn',
        `version ${index.version} was withdrawn on this kiosk (its screens kept failing, or staff rolled it back); publish a corrected pack under a higher version`,
      );
    if (verdict === 'rollback')
      throw new Rejection(
        'rollback',
        `the feed offers version ${index.version}, older than version ${pointers.highestVersion} already trusted (rollback refused)`,
      );
    if (verdict === 'replay-different')
      throw new Rejection(
        'replay',
        `the feed offers version ${index.version} again but with different contents; a new pack needs a higher version`,
      );
    if (isExpired(index, now()))
      await logStaff(
        'warn',
        'expired',
        `the feed's index expired on ${index.expires}; content keeps playing, please publish a fresh pack`,
      );
    // The live pack again: up to date, unless storage lost some of it or it could not be shown.
    const repair = verdict === 'same' && pointers.active !== null;
    // The live pack could not be shown: a damaged stored manifest or content is dropped, to be fetched again.
    if (repair && opts.liveShown === false)
      await dropDamaged([pointers.active!.manifestSha, pointers.active!.contentSha]);
    if (
      repair &&
      opts.liveShown !== false &&
      (await missingObjects(pointers.active!.objects)).length === 0
    ) {
      go('idle');
      return {
        outcome: 'up-to-date',
        version: index.version,
        reason: `version ${index.version} is already live`,
      };
    }

    // A resumed run reads the manifest it kept last time instead of fetching it again.
    const kept = await readObject(index.manifest.sha256);
    const manifest = await readManifest(source, index.manifest, index.version, signal, kept);
    const pointer: PackPointer = {
      pack: index.pack,
      version: index.version,
      indexSha,
      manifestSha: index.manifest.sha256,
      contentSha: manifest.parsed.content,
      objects: [index.manifest.sha256, ...manifest.parsed.files.map((f) => f.sha256)],
      expires: index.expires,
      published: index.published,
      activatedAt: '',
    };
    // Staged before the first byte is stored, so garbage collection leaves these objects alone;
    // the manifest is kept as an object too, so the pack loads offline once live.
    await setStaging(pointer);
    if (manifest.bytes !== kept)
      await putObject(index.manifest.sha256, manifest.bytes, 'application/json');

    go('downloading');
    await downloadMissing(source, manifest.parsed, progress, report, signal);

    go('verifying');
    await checkStoredPack(manifest.parsed);
    await checkFilmsDecode(manifest.parsed, signal);
    const mode = activationMode({
      hasActive: pointers.active !== null && !repair,
      staffPresent: opts.staffPresent,
    });
    if (mode === 'when-idle') {
      go('waiting-for-idle');
      await opts.whenIdle(signal);
      // The wait may have been long: look again that nothing went missing meanwhile.
      const lost = await missingObjects(pointer.objects);
      if (lost.length)
        throw new Error(`${lost.length} objects vanished from storage while waiting`);
    }
    go('activating');
    try {
      await activatePointer({ ...pointer, activatedAt: new Date(now()).toISOString() });
    } catch (e: unknown) {
      if (!(e instanceof StaleActivation)) throw e;
      go('idle');
      return { outcome: 'up-to-date', version: index.version, reason: e.message };
    }
    await logStaff(
      'info',
      'activated',
      repair
        ? `pack "${index.pack}" version ${index.version} repaired from ${source.label}: what was missing from storage was fetched again`
        : `pack "${index.pack}" version ${index.version} from ${source.label} is now live`,
    );
    await collectGarbage();
    go('idle');
    return {
      outcome: 'activated',
      version: index.version,
      reason: repair ? `version ${index.version} repaired` : `version ${index.version} activated`,
    };
  } catch (caught) {
    if (signal.aborted) throw caught;
    // However deep a full disk is met (staging, the manifest, an object), staff read one sentence.
    const e =
      (caught as DOMException | null)?.name === 'QuotaExceededError'
        ? new StorageFull(caught)
        : caught;
    const rejected = e instanceof Rejection;
    const reason = e instanceof Error ? e.message : String(e);
    const code = rejected
      ? e.code
      : e instanceof SourceError
        ? e.code
        : e instanceof StorageFull
          ? 'storage-full'
          : 'failed';
    await logStaff(
      'error',
      code,
      rejected
        ? `feed version ${version ?? '?'} from ${source.label} refused: ${reason}; what is live stays live`
        : `feed check of ${source.label} failed: ${reason}; what is live stays live${source.remote ? ', will retry' : ''}`,
    );
    // A refused pack's objects are dropped; a passing failure keeps them to resume by hash.
    if (rejected) await setStaging(null).then(collectGarbage, () => {});
    progress.phase = 'idle';
    report();
    return { outcome: rejected ? 'rejected' : 'failed', version, reason };
  }
}

/** Stage 3 wrapper: only what storage lacks (resume by hash); a partial result fails the run, keeping the rest. */
async function downloadMissing(
  source: FeedSource,
  manifest: Manifest,
  progress: SyncProgress,
  report: () => void,
  signal: AbortSignal,
): Promise<void> {
  // Two paths with the same bytes are fetched once.
  const lacking = new Set(await missingObjects(manifest.files.map((f) => f.sha256)));
  const missing = manifest.files.filter((f) => lacking.delete(f.sha256));
  progress.filesTotal = manifest.files.length;
  progress.filesDone = manifest.files.length - missing.length;
  progress.bytesTotal = missing.reduce((n, f) => n + f.size, 0);
  await ensureSpace(progress.bytesTotal);
  report();
  const problems = await fetchObjects(
    source,
    missing,
    { has: hasObject, put: putObjectStream },
    signal,
    (n) => {
      progress.bytesDone += n;
      report();
    },
    () => {
      progress.filesDone++;
      report();
    },
  );
  if (problems.length) {
    const first = problems
      .slice(0, 3)
      .map((p) => p.reason)
      .join('; ');
    const more = problems.length > 3 ? ` and ${problems.length - 3} more` : '';
    throw new SourceError(
      'unreadable',
      `${problems.length} of ${missing.length} files could not be fetched (${first}${more}); the ${missing.length - problems.length} that verified are kept`,
      true,
    );
  }
}
