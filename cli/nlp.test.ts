import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The `tandem nlp` contract other tools depend on, through the real command.
const BIN = new URL('./bin.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tandem-nlp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tandem(args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('tandem nlp analyze', () => {
  it('writes one JSON object per input line, in order, empty lines included', async () => {
    const input = ['Adoro questo caffè! 😍', '', 'No me gustó nada', 'you are a fucking idiot\r', '   '].join('\n') + '\n';
    const { code, stdout } = await tandem(['nlp', 'analyze'], input);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => l.lang)).toEqual(['it', 'unknown', 'es', 'en', 'unknown']);
    expect(lines[0].sentiment.label).toBe('positive');
    expect(Object.keys(lines[0].sentiment.scores)).toEqual(['negative', 'neutral', 'positive']);
    expect(lines[2].sentiment.label).toBe('negative');
    expect(lines[3].toxicity.label).not.toBe('ok');
    expect(lines[1]).toMatchObject({ lang: 'unknown', sentiment: { label: 'neutral' }, toxicity: { score: 0, label: 'ok' } });
  });

  it('answers each line as it comes, for a caller that waits for one answer before sending the next', async () => {
    const child = spawn(process.execPath, [BIN, 'nlp', 'analyze']);
    const answers: string[] = [];
    let pending = '';
    const next = () =>
      new Promise<string>((resolve) => {
        const onData = (d: Buffer) => {
          pending += d;
          const at = pending.indexOf('\n');
          if (at < 0) return;
          child.stdout.off('data', onData);
          resolve(pending.slice(0, at));
          pending = pending.slice(at + 1);
        };
        child.stdout.on('data', onData);
      });
    child.stdin.write('grazie mille, siete fantastici\n');
    answers.push(await next());
    child.stdin.write('muchas gracias\n');
    answers.push(await next());
    child.stdin.end();
    await new Promise((r) => child.on('exit', r));
    expect(answers.map((a) => JSON.parse(a).lang)).toEqual(['it', 'es']);
  });

  it('handles a last line without a newline and no input at all', async () => {
    expect((await tandem(['nlp', 'analyze'], 'ciao a tutti')).stdout.trim().split('\n')).toHaveLength(1);
    expect((await tandem(['nlp', 'analyze'], '')).stdout).toBe('');
  });
});

describe('tandem nlp eval', () => {
  it('prints accuracy, macro-F1 and per-class precision/recall/F1', async () => {
    const texts = join(dir, 'texts.txt');
    const labels = join(dir, 'labels.txt');
    writeFileSync(texts, 'I love it, wonderful!\nworst day ever, I hate this\nThe shop opens at 9.\n');
    writeFileSync(labels, '2\n0\n1\n');
    const { code, stdout } = await tandem(['nlp', 'eval', '--task', 'sentiment', '--texts', texts, '--labels', labels]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/accuracy\s+100\.0\s+macro-F1\s+100\.0/);
    expect(stdout).toMatch(/^0\s+100\.0\s+100\.0\s+100\.0\s+1$/m);
    const json = await tandem(['nlp', 'eval', '--task', 'sentiment', '--texts', texts, '--labels', labels, '--json']);
    expect(JSON.parse(json.stdout).perClass.map((c: { label: string }) => c.label)).toEqual(['0', '1', '2']);
  });

  it('refuses mismatched files, bad labels and unknown tasks with a message saying what to fix', async () => {
    const texts = join(dir, 'two.txt');
    const labels = join(dir, 'one.txt');
    writeFileSync(texts, 'a\nb\n');
    writeFileSync(labels, '1\n');
    const mismatch = await tandem(['nlp', 'eval', '--task', 'hate', '--texts', texts, '--labels', labels]);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toMatch(/2 texts but 1 labels/);
    writeFileSync(labels, '1\n7\n');
    expect((await tandem(['nlp', 'eval', '--task', 'hate', '--texts', texts, '--labels', labels])).stderr).toMatch(/line 2: "7" is not a hate label/);
    expect((await tandem(['nlp', 'eval', '--task', 'irony', '--texts', texts, '--labels', labels])).stderr).toMatch(/choose one of sentiment, offensive, hate, lang/);
    expect((await tandem(['nlp', 'eval', '--task', 'lang', '--texts', join(dir, 'nope.txt'), '--labels', labels])).stderr).toMatch(/cannot read .*nope\.txt: ENOENT/);
  });
});
