/** Ed25519 key files for the staff CLI: PKCS#8 PEM private keys and base64 raw public keys. */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { toBase64, fromBase64 } from '../feed/crypto';
import { CliProblem } from './problems';

const subtle = globalThis.crypto.subtle;

/** Creates `<dir>/<name>.key` (keep secret) and `<dir>/<name>.pub` (give to kiosks). */
export async function keygen(dir: string, name = 'feed'): Promise<{ key: string; pub: string }> {
  const pair = (await subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
  const raw = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
  const pem = `-----BEGIN PRIVATE KEY-----\n${toBase64(pkcs8)}\n-----END PRIVATE KEY-----\n`;
  await mkdir(dir, { recursive: true });
  const key = join(dir, `${name}.key`);
  const pub = join(dir, `${name}.pub`);
  await writeFile(key, pem, { mode: 0o600, flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EEXIST')
      throw new CliProblem(key, '(file)', 'already exists; refusing to overwrite a key');
    throw e;
  });
  await writeFile(pub, `${toBase64(raw)}\n`, { flag: 'wx' });
  return { key, pub };
}

/** Reads a private key file written by keygen. */
export async function readPrivateKey(file: string): Promise<CryptoKey> {
  const text = await readText(file);
  const match = /-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\s]+)-----END PRIVATE KEY-----/.exec(
    text,
  );
  if (!match)
    throw new CliProblem(file, '(file)', 'must be a PEM "PRIVATE KEY" made by `pack keygen`');
  try {
    const der = fromBase64(match[1]!.replace(/\s+/g, ''));
    return await subtle.importKey(
      'pkcs8',
      der as Uint8Array<ArrayBuffer>,
      { name: 'Ed25519' },
      false,
      ['sign'],
    );
  } catch {
    throw new CliProblem(file, '(file)', 'must hold an Ed25519 private key made by `pack keygen`');
  }
}

/** Reads a `.pub` file: base64 of the 32-byte raw Ed25519 public key. */
export async function readPublicKeyText(file: string): Promise<string> {
  const text = (await readText(file)).trim();
  let raw: Uint8Array;
  try {
    raw = fromBase64(text);
  } catch {
    throw new CliProblem(file, '(file)', 'must be base64 of a 32-byte Ed25519 public key');
  }
  if (raw.length !== 32)
    throw new CliProblem(file, '(file)', 'must be base64 of a 32-byte Ed25519 public key');
  return text;
}

/** Ed25519 signature of `bytes`. */
export async function sign(key: CryptoKey, bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(
    await subtle.sign({ name: 'Ed25519' }, key, bytes as Uint8Array<ArrayBuffer>),
  );
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new CliProblem(file, '(file)', 'cannot be read; check the path');
  }
}
