import { describe, expect, it } from 'vitest';
import { instantRunoff } from './instantRunoff';

const repeat = (n: number, ballot: string[]) => Array.from({ length: n }, () => ballot);

describe('instantRunoff', () => {
  it('elects a first-round majority without further rounds', () => {
    const r = instantRunoff(['a', 'b', 'c'], [...repeat(3, ['a']), ['b', 'a'], ['c']]);
    expect(r.winners).toEqual(['a']);
    expect(r.rounds).toEqual([{ tallies: { a: 3, b: 1, c: 1 }, exhausted: 0, eliminated: [] }]);
  });

  it('transfers the eliminated candidate’s ballots to their next preference (Tennessee capital example)', () => {
    // The classic worked example: Memphis leads on first preferences but Knoxville wins the runoff.
    const ballots = [
      ...repeat(42, ['memphis', 'nashville', 'chattanooga', 'knoxville']),
      ...repeat(26, ['nashville', 'chattanooga', 'knoxville', 'memphis']),
      ...repeat(15, ['chattanooga', 'knoxville', 'nashville', 'memphis']),
      ...repeat(17, ['knoxville', 'chattanooga', 'nashville', 'memphis']),
    ];
    const r = instantRunoff(['memphis', 'nashville', 'chattanooga', 'knoxville'], ballots);
    expect(r.rounds.map((x) => x.tallies)).toEqual([
      { memphis: 42, nashville: 26, chattanooga: 15, knoxville: 17 },
      { memphis: 42, nashville: 26, knoxville: 32 },
      { memphis: 42, knoxville: 58 },
    ]);
    expect(r.rounds.map((x) => x.eliminated)).toEqual([['chattanooga'], ['nashville'], []]);
    expect(r.winners).toEqual(['knoxville']);
  });

  it('drops exhausted ballots from the majority base', () => {
    // Round 1: a 4, b 3, c 2 (no majority of 9). c is out; one c-ballot moves to b, the other ranks nobody else.
    // Round 2: a 4, b 4 of 8 active ballots: a tie, not a win for either.
    const ballots = [...repeat(4, ['a']), ...repeat(3, ['b']), ['c', 'b'], ['c']];
    const r = instantRunoff(['a', 'b', 'c'], ballots);
    expect(r.rounds[1]).toEqual({ tallies: { a: 4, b: 4 }, exhausted: 1, eliminated: [] });
    expect(r.winners).toEqual(['a', 'b']);
  });

  it('wins with a majority of the ballots still counting, even below half of all ballots', () => {
    // Round 2: a 4, b 5, 2 exhausted: 5 of 9 active is a majority though 5 of 11 is not.
    const ballots = [...repeat(4, ['a']), ...repeat(4, ['b']), ['c', 'b'], ['c'], ['c']];
    const r = instantRunoff(['a', 'b', 'c'], ballots);
    expect(r.rounds[1]).toEqual({ tallies: { a: 4, b: 5 }, exhausted: 2, eliminated: [] });
    expect(r.winners).toEqual(['b']);
  });

  it('eliminates every candidate tied for last together, including those nobody ranked first', () => {
    const ballots = [...repeat(3, ['a']), ...repeat(2, ['b', 'a']), ...repeat(2, ['c', 'a'])];
    const r = instantRunoff(['a', 'b', 'c', 'd'], ballots);
    expect(r.rounds[0]).toEqual({ tallies: { a: 3, b: 2, c: 2, d: 0 }, exhausted: 0, eliminated: ['d'] });
    expect(r.rounds[1]).toEqual({ tallies: { a: 3, b: 2, c: 2 }, exhausted: 0, eliminated: ['b', 'c'] });
    expect(r.rounds[2]).toEqual({ tallies: { a: 7 }, exhausted: 0, eliminated: [] });
    expect(r.winners).toEqual(['a']);
  });

  it('declares a tie when all remaining candidates have the same count', () => {
    const r = instantRunoff(['a', 'b'], [['a'], ['b']]);
    expect(r.winners).toEqual(['a', 'b']);
    expect(r.rounds).toHaveLength(1);
  });

  it('has no winner and no rounds without ballots, and ignores unknown or repeated candidates', () => {
    expect(instantRunoff(['a', 'b'], [])).toEqual({ rounds: [], winners: [] });
    expect(instantRunoff(['a', 'b'], [['zz']])).toEqual({ rounds: [], winners: [] });
    const r = instantRunoff(['a', 'b'], [['a', 'a', 'b'], ['zz', 'b'], ['b']]);
    expect(r.rounds[0]!.tallies).toEqual({ a: 1, b: 2 });
    expect(r.winners).toEqual(['b']);
  });
});
