import { beforeEach, describe, expect, it } from 'vitest';
import { PublishError, type RemoteRef } from '../types';
import { carouselChildren, pollSchedule, publishOnce, type ContainerPost, type ContainerStatus } from './containers';
import { Journal, sameText } from './journal';

pollSchedule.delaysMs = [0, 1, 1];

/** A network of containers in memory: each container answers the states given, then its last one forever. */
function network(states: Record<string, string[]>) {
  const calls: string[] = [];
  const read = async (id: string): Promise<ContainerStatus> => {
    calls.push(`status ${id}`);
    const list = states[id]!;
    return { state: list.length > 1 ? list.shift()! : list[0]!, detail: list[0] === 'ERROR' ? 'FAILED_DOWNLOADING_VIDEO' : undefined };
  };
  return { calls, read };
}

describe('one post through a container', () => {
  let journal: Journal;
  beforeEach(() => {
    journal = new Journal();
  });
  const post = (net: ReturnType<typeof network>, over: Partial<ContainerPost> = {}): ContainerPost => ({
    what: 'Sink',
    journal,
    key: 'k',
    text: 'Hello',
    readStatus: net.read,
    create: async () => (net.calls.push('create'), 'c-1'),
    publish: async (id): Promise<RemoteRef> => (net.calls.push(`publish ${id}`), { id: 'm-1' }),
    findPublished: async () => (net.calls.push('find'), { id: 'm-found' }),
    ...over,
  });

  it('waits for FINISHED, publishes, and a retry resumes on the same container', async () => {
    const net = network({ 'c-1': ['IN_PROGRESS', 'FINISHED'] });
    expect(await publishOnce(post(net))).toEqual({ id: 'm-1' });
    expect(net.calls).toEqual(['create', 'status c-1', 'status c-1', 'publish c-1']);
    net.calls.length = 0;
    expect(await publishOnce(post(net))).toEqual({ id: 'm-1' });
    expect(net.calls).toEqual(['status c-1', 'publish c-1']);
  });

  it('a container already PUBLISHED is looked up, never posted again; not found is a refusal', async () => {
    const net = network({ 'c-1': ['PUBLISHED'] });
    journal.set('k', { containerId: 'c-1', text: 'Hello' });
    expect(await publishOnce(post(net))).toEqual({ id: 'm-found' });
    const e = await publishOnce(post(net, { findPublished: async () => null })).catch((x: PublishError) => x);
    expect(e).toMatchObject({ kind: 'rejected', opts: { networkCode: 'PUBLISHED' } });
    expect(net.calls.filter((c) => c.startsWith('publish') || c === 'create')).toEqual([]);
  });

  it('an EXPIRED container is replaced; ERROR is rejected with the reason; still processing is transient', async () => {
    const net = network({ old: ['EXPIRED'], 'c-1': ['FINISHED'] });
    journal.set('k', { containerId: 'old', text: 'Hello' });
    expect(await publishOnce(post(net))).toEqual({ id: 'm-1' });
    expect(journal.get('k')).toEqual({ containerId: 'c-1', text: 'Hello' });
    const broken = network({ 'c-1': ['ERROR'] });
    expect(await publishOnce(post(broken, { key: 'k2' })).catch((x: PublishError) => x)).toMatchObject({ kind: 'rejected', message: 'Sink could not process the media: FAILED_DOWNLOADING_VIDEO' });
    const slow = network({ 'c-1': ['IN_PROGRESS'] });
    expect(await publishOnce(post(slow, { key: 'k3' })).catch((x: PublishError) => x)).toMatchObject({ kind: 'transient', opts: { networkCode: 'IN_PROGRESS' } });
  });

  it('carousel items are made one at a time, each FINISHED first', async () => {
    const net = network({ a: ['IN_PROGRESS', 'FINISHED'], b: ['FINISHED'] });
    expect(await carouselChildren('Sink', ['a', 'b'], async (x) => (net.calls.push(`create ${x}`), x), net.read)).toBe('a,b');
    expect(net.calls).toEqual(['create a', 'status a', 'status a', 'create b', 'status b']);
  });
});

describe('the journal', () => {
  it('forgets the oldest entry past its size and compares texts as the networks return them', () => {
    const j = new Journal(2);
    j.set('a', { text: '1' });
    j.set('b', { text: '2' });
    j.set('c', { text: '3' });
    expect([j.get('a'), j.get('b')?.text, j.get('c')?.text]).toEqual([undefined, '2', '3']);
    expect(sameText(' Caffe\u0300 \n', 'Caffè')).toBe(true);
    expect(sameText(undefined, '')).toBe(true);
  });
});
