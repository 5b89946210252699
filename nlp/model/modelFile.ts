// Model files: gzip of [header length (uint32 LE)][header JSON][int16 weights]. Weights are
// quantised to 16 bits against the largest magnitude, which costs nothing measurable in accuracy
// and halves the size; buckets no training text touched are zero and compress to almost nothing.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { LinearModel } from './linearModel';

const FORMAT = 'tandem-linear/1';

interface Header {
  format: typeof FORMAT;
  task: string;
  labels: string[];
  bits: number;
  scale: number;
  bias: number[];
  temperature: number;
  meta: Record<string, unknown>;
}

export function encodeModel(model: LinearModel): Buffer {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max === 0 ? 1 : max / 32767;
  const quantised = new Int16Array(model.weights.length);
  for (let i = 0; i < quantised.length; i++) quantised[i] = Math.round(model.weights[i]! / scale);
  const header: Header = {
    format: FORMAT,
    task: model.task,
    labels: [...model.labels],
    bits: model.bits,
    scale,
    bias: [...model.bias],
    temperature: model.temperature,
    meta: model.meta,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return gzipSync(Buffer.concat([length, json, Buffer.from(quantised.buffer)]), { level: 9 });
}

export function decodeModel(file: Buffer, expectedTask: string): LinearModel {
  const raw = gunzipSync(file);
  const headerLength = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + headerLength).toString('utf8')) as Header;
  if (header.format !== FORMAT) throw new Error(`model file format "${String(header.format)}" is not ${FORMAT}; run npm run nlp:train`);
  if (header.task !== expectedTask) throw new Error(`model file holds task "${header.task}", expected "${expectedTask}"`);
  const size = (1 << header.bits) * header.labels.length;
  const body = raw.subarray(4 + headerLength);
  if (body.length !== size * 2) throw new Error(`model file for ${expectedTask} is truncated (${body.length} of ${size * 2} weight bytes)`);
  // Copy into an aligned buffer: the gunzipped slice may start at an odd offset.
  const quantised = new Int16Array(size);
  new Uint8Array(quantised.buffer).set(body);
  const weights = new Float32Array(size);
  for (let i = 0; i < size; i++) weights[i] = quantised[i]! * header.scale;
  return {
    task: header.task,
    labels: header.labels,
    bits: header.bits,
    weights,
    bias: Float32Array.from(header.bias),
    temperature: header.temperature,
    meta: header.meta,
  };
}
