/// <reference lib="webworker" />
/**
 * read.floor: the least work any re-score must do — read each kernel input element once. One monomorphic
 * loop per array type (a shared loop over a union of array types would measure V8's polymorphism instead).
 */
export interface FloorData {
  type: 'data';
  u8: Uint8Array[];
  f64: Float64Array[];
  i32: Int32Array[];
}
export interface FloorRun {
  type: 'run';
}
export interface FloorReply {
  ms: number;
  checksum: number;
}

let data: FloorData | null = null;
const scope = self as unknown as DedicatedWorkerGlobalScope;

function sumU8(a: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
function sumF64(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
function sumI32(a: Int32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

scope.onmessage = (event: MessageEvent<FloorData | FloorRun>) => {
  const msg = event.data;
  if (msg.type === 'data') {
    data = msg;
    return;
  }
  if (!data) throw new Error('floor worker: no data');
  const start = performance.now();
  let checksum = 0;
  for (const a of data.u8) checksum += sumU8(a);
  for (const a of data.f64) checksum += sumF64(a);
  for (const a of data.i32) checksum += sumI32(a);
  const reply: FloorReply = { ms: performance.now() - start, checksum };
  scope.postMessage(reply);
};
