/** One sync run: fetch and verify the signed index, download missing objects by hash, check, activate. */
import { ManifestSchema, isExpired, judgeIndexVersion, parseJsonFile } from '../feed/format';
import { ObjectError } from './fetch-object';
import { Rejection, fetchIndex, fetchObject, parseFeedJson } from './feed-fetch';
import {
  checkStoredPack,
  collectGarbage,
  ensureSpace,
  missingObjects,
  storeObject,
} from './pack-storage';
import {
  StaleActivation,
  activatePointer,
  readPointers,
  setStaging,
  type PackPointer,
} from './pointers';
import { logStaff } from './staff-log';
import { activationMode, advance, type SyncOutcome, type SyncPhase } from './sync-machine';

export interface SyncProgress {
  phase: SyncPhase;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface SyncOptions {
  /** Feed folder URL ending in `/`, e.g. `/feed/`. */
  feedUrl: string;
  /** Base64 Ed25519 public key the index must verify against. */
  publicKey: string;
  /** Staff asked for it (check-now): activate at once even if something is live. */
  staffPresent: boolean;
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
  const progress: SyncProgress = {
    phase: 'idle',
    filesDone: 0,
    filesTotal: 0,
    bytesDone: 0,
    bytesTotal: 0,
  };
  const go = (phase: SyncPhase) => {
    progress.phase = advance(progress.phase, phase);
    opts.onProgress?.({ ...progress });
  };
  let version: number | null = null;
  try {
    go('checking');
    const { index, indexSha } = await fetchIndex(opts.feedUrl, opts.publicKey, signal);
    version = index.version;
    const pointers = await readPointers();
    const verdict = judgeIndexVersion(
      index,
      pointers.highestVersion,
      pointers.active?.indexSha ?? null,
      indexSha,
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
    // The live pack again: up to date, unless storage lost some of its objects (then repair them).
    const repair = verdict === 'same' && pointers.active !== null;
    if (repair && (await missingObjects(pointers.active!.objects)).length === 0) {
      go('idle');
      return {
        outcome: 'up-to-date',
        version: index.version,
        reason: `version ${index.version} is already live`,
      };
    }

    const manifestBytes = await fetchObject(
      opts.feedUrl,
      index.manifest.sha256,
      index.manifest.size,
      signal,
    );
    const manifest = parseFeedJson(() =>
      parseJsonFile(ManifestSchema, manifestBytes, `objects/${index.manifest.sha256} (manifest)`),
    );
    if (manifest.version !== index.version)
      throw new Rejection(
        'mix-and-match',
        `the manifest is for version ${manifest.version} but the signed index is version ${index.version}`,
      );
    const pointer: PackPointer = {
      pack: index.pack,
      version: index.version,
      indexSha,
      manifestSha: index.manifest.sha256,
      contentSha: manifest.content,
      objects: [index.manifest.sha256, ...manifest.files.map((f) => f.sha256)],
      expires: index.expires,
      activatedAt: '',
    };
    // Staged before the first byte is stored, so garbage collection leaves these objects alone;
    // the manifest is kept as an object too, so the pack loads offline once live.
    await setStaging(pointer);
    await storeObject(index.manifest.sha256, manifestBytes, 'application/json');

    go('downloading');
    // Only what storage lacks is fetched (resume by hash); two paths with the same bytes, once.
    const lacking = new Set(await missingObjects(manifest.files.map((f) => f.sha256)));
    const missing = manifest.files.filter((f) => lacking.delete(f.sha256));
    progress.filesTotal = manifest.files.length;
    progress.filesDone = manifest.files.length - missing.length;
    progress.bytesTotal = missing.reduce((n, f) => n + f.size, 0);
    await ensureSpace(progress.bytesTotal);
    opts.onProgress?.({ ...progress });
    for (const f of missing) {
      const bytes = await fetchObject(
        opts.feedUrl,
        f.sha256,
        f.size,
        signal,
        (n) => {
          progress.bytesDone += n;
          opts.onProgress?.({ ...progress });
        },
        f.path,
      );
      await storeObject(f.sha256, bytes, f.type);
      progress.filesDone++;
      opts.onProgress?.({ ...progress });
    }

    go('verifying');
    await checkStoredPack(manifest);
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
        ? `pack "${index.pack}" version ${index.version} repaired: objects missing from storage were fetched again`
        : `pack "${index.pack}" version ${index.version} is now live`,
    );
    await collectGarbage();
    go('idle');
    return {
      outcome: 'activated',
      version: index.version,
      reason: repair ? `version ${index.version} repaired` : `version ${index.version} activated`,
    };
  } catch (e) {
    if (signal.aborted) throw e;
    const rejected = e instanceof Rejection;
    const transient = e instanceof ObjectError ? e.transient : !rejected;
    const reason = e instanceof Error ? e.message : String(e);
    const code = rejected ? e.code : e instanceof ObjectError ? e.code : 'failed';
    await logStaff(
      'error',
      code,
      transient
        ? `feed check failed: ${reason}; what is live stays live, will retry`
        : `feed version ${version ?? '?'} refused: ${reason}; what is live stays live`,
    );
    // A refused pack's objects are dropped; a passing failure keeps them to resume by hash.
    if (!transient) await setStaging(null).then(collectGarbage, () => {});
    progress.phase = 'idle';
    opts.onProgress?.({ ...progress });
    return { outcome: transient ? 'failed' : 'rejected', version, reason };
  }
}
