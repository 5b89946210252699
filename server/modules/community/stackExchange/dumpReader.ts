import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Parser } from 'htmlparser2';
import { AppError } from '../../../errors';

export interface DumpRow {
  /** 1-based line of the row's tag in the file (for error messages). */
  line: number;
  attrs: Record<string, string>;
}

export const dumpError = (file: string, line: number | null, what: string) =>
  new AppError('VALIDATION_FAILED', `${basename(file)}${line ? ` line ${line}` : ''}: ${what}`, { file: basename(file), line });

/**
 * Streams the `<row …/>` elements of a Stack Exchange dump file (`<posts><row …/>…</posts>`) with
 * htmlparser2 in XML mode, a batch per chunk read, never the whole file in memory. htmlparser2 is
 * forgiving, so the shape is checked here: the expected root, only empty `row` children, a numeric
 * Id, nothing after the root closes, and a root that does close (a truncated file is an error).
 */
export async function* readDumpRows(file: string, root: string, onBytes?: (bytes: number) => void): AsyncGenerator<DumpRow[]> {
  // Line numbers: the parser reports character offsets; newlines are counted up to each offset,
  // keeping only the chunks the counting cursor has not passed yet.
  const chunks: { start: number; text: string }[] = [];
  let cursor = 0;
  let cursorLine = 1;
  let fed = 0;
  const lineAt = (index: number) => {
    while (cursor < index && chunks.length) {
      const c = chunks[0]!;
      const end = Math.min(index, c.start + c.text.length);
      for (let i = cursor - c.start; i < end - c.start; i++) if (c.text.charCodeAt(i) === 10) cursorLine++;
      cursor = end;
      if (cursor >= c.start + c.text.length) chunks.shift();
    }
    return cursorLine;
  };

  let depth = 0;
  let rootSeen = false;
  let rootClosed = false;
  let failure: AppError | null = null;
  let batch: DumpRow[] = [];
  const fail = (what: string) => {
    failure ??= dumpError(file, lineAt(parser.startIndex), what);
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (failure) return;
        if (rootClosed) return fail(`unexpected <${name}> after </${root}>`);
        if (depth === 0) {
          if (name !== root) return fail(`expected the root element <${root}>, found <${name}>`);
          rootSeen = true;
        } else if (depth === 1) {
          if (name !== 'row') return fail(`expected <row …/>, found <${name}>`);
          if (!/^-?\d+$/.test(attrs.Id ?? '')) return fail('a row without a numeric Id attribute');
          batch.push({ line: lineAt(parser.startIndex), attrs });
        } else return fail(`unexpected <${name}> inside a row (rows are empty elements)`);
        depth++;
      },
      onclosetag(name) {
        if (failure) return;
        depth--;
        if (depth === 0 && name === root) rootClosed = true;
      },
      ontext(text) {
        if (failure || depth === 0 || !text.trim()) return;
        fail(`unexpected text "${text.trim().slice(0, 40)}"`);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );

  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      chunks.push({ start: fed, text: chunk });
      fed += chunk.length;
      parser.write(chunk);
      if (failure) throw failure;
      onBytes?.(stream.bytesRead);
      if (batch.length) {
        const out = batch;
        batch = [];
        yield out;
      }
    }
    parser.end();
    if (failure) throw failure;
    if (!rootSeen) throw dumpError(file, null, `no <${root}> element: is this a Stack Exchange dump file?`);
    if (!rootClosed) throw dumpError(file, lineAt(fed), `the file ends before </${root}> closes it (truncated?)`);
    if (batch.length) yield batch;
  } finally {
    stream.destroy();
  }
}
