/** One round of an instant-runoff count: first preferences among the candidates still in. */
export interface RunoffRound {
  /** Votes per candidate still in the count (eliminated candidates are absent). */
  tallies: Record<string, number>;
  /** Ballots that rank none of the remaining candidates (they no longer count towards the majority). */
  exhausted: number;
  /** Candidates dropped at the end of this round (all those tied for fewest votes). */
  eliminated: string[];
}

export interface RunoffResult {
  rounds: RunoffRound[];
  /** One id when a candidate wins a majority; several when the last candidates tie; none without ballots. */
  winners: string[];
}

/**
 * Instant-runoff count. Each round gives every ballot to its highest-ranked candidate still in;
 * a candidate with more than half of the ballots that still count wins. Otherwise the candidates
 * with the fewest votes are all eliminated together (no lottery: the same ballots always give the
 * same result); when every remaining candidate has the same count, they tie and share the win.
 * Ballots that rank none of the remaining candidates are exhausted and leave the majority's base.
 */
export function instantRunoff(candidates: readonly string[], ballots: readonly (readonly string[])[]): RunoffResult {
  const known = new Set(candidates);
  const clean = ballots.map((b) => b.filter((c, i) => known.has(c) && b.indexOf(c) === i));
  let remaining = [...candidates];
  const rounds: RunoffRound[] = [];
  if (!clean.some((b) => b.length > 0)) return { rounds, winners: [] };

  while (remaining.length > 0) {
    const tallies: Record<string, number> = Object.fromEntries(remaining.map((c) => [c, 0]));
    let exhausted = 0;
    for (const ballot of clean) {
      const top = ballot.find((c) => c in tallies);
      if (top === undefined) exhausted++;
      else tallies[top]! += 1;
    }
    const active = clean.length - exhausted;
    const counts = remaining.map((c) => tallies[c]!);
    const best = Math.max(...counts);
    const fewest = Math.min(...counts);
    const leader = remaining.find((c) => tallies[c] === best)!;
    if (best * 2 > active) {
      rounds.push({ tallies, exhausted, eliminated: [] });
      return { rounds, winners: [leader] };
    }
    if (best === fewest) {
      rounds.push({ tallies, exhausted, eliminated: [] });
      return { rounds, winners: remaining };
    }
    const eliminated = remaining.filter((c) => tallies[c] === fewest);
    rounds.push({ tallies, exhausted, eliminated });
    remaining = remaining.filter((c) => tallies[c] !== fewest);
  }
  return { rounds, winners: [] };
}
