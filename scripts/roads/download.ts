import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** Thrown when a download does not match its published checksum; the bad file is deleted. */
export class ChecksumMismatchError extends Error {
  constructor(public readonly url: string, public readonly expected: string, public readonly actual: string) {
    super(
      `${url} is corrupted: its MD5 is ${actual} but the published one is ${expected}. The file was deleted; run the command again to download it afresh.`,
    );
    this.name = 'ChecksumMismatchError';
  }
}

/** Progress of a download: bytes on disk (resumed ones included) out of the full size. */
export interface DownloadProgress {
  done: number;
  total: number;
  /** Bytes already there from an earlier, interrupted attempt. */
  resumedFrom: number;
}

/** Reads the MD5 published beside `url` (`<url>.md5`, "hash  filename" as md5sum writes it). */
export async function fetchPublishedMd5(url: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  const res = await fetchImpl(`${url}.md5`);
  if (!res.ok) throw new Error(`no checksum published beside ${url} (${url}.md5 answered ${res.status}); roads:fetch only takes extracts with their .md5`);
  const match = /^([0-9a-f]{32})\b/i.exec((await res.text()).trim());
  if (!match) throw new Error(`${url}.md5 does not hold an MD5 checksum`);
  return match[1].toLowerCase();
}

/** MD5 of a file, streamed. */
export async function md5File(file: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Downloads `url` to `dest`, resuming an interrupted attempt (`dest.part`, with HTTP Range; If-Range
 * with the validator seen before, so a file replaced meanwhile on the server — Geofabrik's `-latest`
 * changes daily — is fetched whole instead of being spliced), then checks the published MD5. The file
 * only takes its final name once verified; a mismatch deletes it and throws {@link ChecksumMismatchError}.
 */
export async function downloadVerified(
  url: string,
  dest: string,
  options: { onProgress?: (p: DownloadProgress) => void; fetchImpl?: typeof fetch } = {},
): Promise<{ file: string; md5: string; resumedFrom: number; bytes: number }> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const expected = await fetchPublishedMd5(url, fetchImpl);
  const part = `${dest}.part`;
  const meta = `${dest}.part.json`;
  if (existsSync(dest) && (await md5File(dest)) === expected) return { file: dest, md5: expected, resumedFrom: 0, bytes: statSync(dest).size };

  let have = existsSync(part) ? statSync(part).size : 0;
  const validator = have > 0 && existsSync(meta) ? (JSON.parse(readFileSync(meta, 'utf8')) as { validator?: string }).validator : undefined;
  if (have > 0 && !validator) have = 0; // cannot tell whether the server's file is still the same one
  const headers: Record<string, string> = {};
  if (have > 0) {
    headers.range = `bytes=${have}-`;
    headers['if-range'] = validator!;
  }
  const res = await fetchImpl(url, { headers });
  if (res.status === 416 && have > 0) {
    // Asked past the end: the part is already whole (or the file shrank); let the checksum decide.
  } else if (!res.ok || !res.body) {
    throw new Error(`${url} answered ${res.status} ${res.statusText}`);
  } else {
    const resumed = res.status === 206;
    if (!resumed) have = 0;
    const length = Number(res.headers.get('content-length') ?? NaN);
    const total = have + (Number.isFinite(length) ? length : NaN);
    const validatorNow = res.headers.get('etag') ?? res.headers.get('last-modified') ?? undefined;
    writeFileSync(meta, JSON.stringify({ url, validator: resumed ? validator : validatorNow }));
    const out = await open(part, resumed ? 'a' : 'w');
    let done = have;
    const resumedFrom = have;
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        await out.write(chunk);
        done += chunk.length;
        options.onProgress?.({ done, total, resumedFrom });
      }
    } catch (err) {
      throw new Error(`${url}: the download was interrupted after ${done} bytes (${(err as Error).message}); run the command again to resume`);
    } finally {
      await out.close();
    }
    if (Number.isFinite(total) && done < total) throw new Error(`${url}: the connection closed after ${done} of ${total} bytes; run the command again to resume`);
  }
  const resumedFrom = have;
  const actual = await md5File(part);
  if (actual !== expected) {
    rmSync(part, { force: true });
    rmSync(meta, { force: true });
    throw new ChecksumMismatchError(url, expected, actual);
  }
  renameSync(part, dest);
  rmSync(meta, { force: true });
  writeFileSync(`${dest}.md5`, `${expected}  ${dest.split(/[\\/]/).pop()}\n`);
  return { file: dest, md5: expected, resumedFrom, bytes: statSync(dest).size };
}
