import { isWorkerThread, workerData } from 'piscina';

type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

type TypedArrayCtor = { new (buffer: SharedArrayBuffer, byteOffset: number, length: number): TypedArray; BYTES_PER_ELEMENT: number };

/**
 * A deep copy of plain data in which every typed array lives in a SharedArrayBuffer, so handing it
 * to worker threads shares the memory instead of copying it (a road graph is loaded once, whatever
 * the number of workers). Plain objects and arrays are walked; other values are kept as they are.
 */
export function toShared<T>(data: T, copies = new Map<unknown, unknown>()): T {
  if (ArrayBuffer.isView(data) && !(data instanceof DataView)) {
    const src = data as unknown as TypedArray;
    if (src.buffer instanceof SharedArrayBuffer) return data;
    // The same array reached twice (one stored for two names) stays one array.
    const copied = copies.get(data);
    if (copied) return copied as T;
    const Ctor = src.constructor as unknown as TypedArrayCtor;
    const out = new Ctor(new SharedArrayBuffer(src.byteLength), 0, src.length);
    (out as Uint8Array).set(src as Uint8Array);
    copies.set(data, out);
    return out as unknown as T;
  }
  if (Array.isArray(data)) return data.map((v) => toShared(v, copies)) as T;
  if (data && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) out[k] = toShared(v, copies);
    return out as T;
  }
  return data;
}

/** Bytes held in SharedArrayBuffers by {@link toShared} data (for the boot log). */
export function sharedBytes(data: unknown, counted = new Set<ArrayBufferLike>()): number {
  if (ArrayBuffer.isView(data)) {
    if (!(data.buffer instanceof SharedArrayBuffer) || counted.has(data.buffer)) return 0;
    counted.add(data.buffer);
    return data.byteLength;
  }
  if (Array.isArray(data)) return data.reduce((s: number, v) => s + sharedBytes(v, counted), 0);
  if (data && typeof data === 'object') return Object.values(data).reduce((s: number, v) => s + sharedBytes(v, counted), 0);
  return 0;
}

/**
 * Inside a pool worker: the `shared[key]` the pool was created with (see WorkerPoolOptions).
 * Undefined on the request thread or when the pool has no such entry.
 */
export function sharedData<T>(key: string): T | undefined {
  if (!isWorkerThread) return undefined;
  return (workerData as { shared?: Record<string, unknown> } | undefined)?.shared?.[key] as T | undefined;
}
