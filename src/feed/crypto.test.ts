import { describe, expect, it } from 'vitest';
import { fromBase64, importPublicKey, sha256Hex, toBase64, verifySignature } from './crypto';

const subtle = globalThis.crypto.subtle;

async function keyPair() {
  const pair = (await subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const pub = toBase64(new Uint8Array(await subtle.exportKey('raw', pair.publicKey)));
  return { pair, pub };
}

describe('hashing and signatures', () => {
  it('computes the standard SHA-256 of known input', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('round-trips base64 and refuses text that is not base64', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(() => fromBase64('not base64!')).toThrow(/base64/);
  });

  it('verifies a signature by the right key and refuses a flipped byte or another key', async () => {
    const { pair, pub } = await keyPair();
    const other = await keyPair();
    const message = new TextEncoder().encode('{"format":"kiosk-feed/1","version":3}');
    const signature = new Uint8Array(
      await subtle.sign({ name: 'Ed25519' }, pair.privateKey, message),
    );
    const key = await importPublicKey(pub);
    expect(await verifySignature(key, signature, message)).toBe(true);

    const flippedMessage = message.slice();
    flippedMessage[5]! ^= 1;
    expect(await verifySignature(key, signature, flippedMessage)).toBe(false);

    const flippedSignature = signature.slice();
    flippedSignature[10]! ^= 0x80;
    expect(await verifySignature(key, flippedSignature, message)).toBe(false);

    expect(await verifySignature(await importPublicKey(other.pub), signature, message)).toBe(false);
    expect(await verifySignature(key, signature.subarray(0, 63), message)).toBe(false);
  });

  it('refuses a public key of the wrong length', async () => {
    await expect(importPublicKey(toBase64(new Uint8Array(31)))).rejects.toThrow(/32 bytes/);
  });
});
