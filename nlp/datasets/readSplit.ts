// Reads one aligned pair of "<split>_text.txt" / "<split>_labels.txt" files, the layout both
// XLM-T and TweetEval use. Only train and val exist for us: the test splits are held back so the
// product can be scored on them, and refusing the name here keeps a script from peeking by typo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Split = 'train' | 'val';

export interface LabelledTexts {
  texts: string[];
  labels: number[];
}

function readLines(path: string): string[] {
  const raw = readFileSync(path, 'utf8');
  // XLM-T files have no final newline, TweetEval files do: drop only that one empty tail so an
  // empty tweet in the middle would still keep the alignment.
  const lines = raw.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.replace(/\r$/, ''));
}

export function readSplit(dir: string, split: Split, labelCount: number): LabelledTexts {
  if (split !== 'train' && split !== 'val') throw new Error(`refusing split "${String(split)}": only train and val may be read`);
  const texts = readLines(join(dir, `${split}_text.txt`));
  const labelLines = readLines(join(dir, `${split}_labels.txt`));
  if (texts.length !== labelLines.length) {
    throw new Error(`${dir}/${split}: ${texts.length} texts but ${labelLines.length} labels`);
  }
  const labels = labelLines.map((line, i) => {
    const n = Number(line.trim());
    if (!Number.isInteger(n) || n < 0 || n >= labelCount) throw new Error(`${dir}/${split}_labels.txt line ${i + 1}: bad label "${line}"`);
    return n;
  });
  // TweetEval lines end with a space left by its export; it carries no meaning.
  return { texts: texts.map((t) => t.trimEnd()), labels };
}
