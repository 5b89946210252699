import { z } from 'zod';
import { Id } from './common';

/** Single choice, multiple choice (up to maxChoices), or ranked choice counted by instant-runoff. */
export const POLL_KINDS = ['single', 'multiple', 'ranked'] as const;
/** Who sees the results: everyone, voters (everyone once closed), everyone once closed, staff only. Staff always do. */
export const POLL_RESULTS_VISIBILITIES = ['always', 'after_vote', 'after_close', 'staff'] as const;
export const POLL_OPTIONS_MAX = 20;

export const PollInput = z
  .strictObject({
    question: z.string().trim().min(3, 'Ask a question of at least 3 characters.').max(300, 'Keep the question under 300 characters.'),
    kind: z.enum(POLL_KINDS, { error: 'A poll is single, multiple or ranked.' }),
    options: z
      .array(z.string().trim().min(1, 'Options cannot be empty.').max(200, 'Keep each option under 200 characters.'))
      .min(2, 'Give the poll at least 2 options.')
      .max(POLL_OPTIONS_MAX, `A poll has at most ${POLL_OPTIONS_MAX} options.`),
    /** Multiple choice only; defaults to every option. */
    maxChoices: z.number().int().min(1, 'Allow at least one choice.').optional(),
    resultsVisibility: z.enum(POLL_RESULTS_VISIBILITIES, { error: `Show results: ${POLL_RESULTS_VISIBILITIES.join(', ')}.` }).default('always'),
    closesAt: z.iso.datetime({ offset: true, error: 'Give the closing time as an ISO date with its offset, like 2026-12-01T18:00:00+01:00.' }).optional(),
  })
  .superRefine((p, ctx) => {
    if (new Set(p.options.map((o) => o.toLowerCase())).size !== p.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'Each option must be different.' });
    if (p.maxChoices !== undefined && p.kind !== 'multiple') ctx.addIssue({ code: 'custom', path: ['maxChoices'], message: 'Only multiple-choice polls take maxChoices.' });
    if (p.maxChoices !== undefined && p.maxChoices > p.options.length) ctx.addIssue({ code: 'custom', path: ['maxChoices'], message: 'maxChoices cannot exceed the number of options.' });
  });
export type PollInput = z.infer<typeof PollInput>;

export const VoteBody = z.strictObject({
  /** Option ids: one (single), up to maxChoices (multiple), or a ranking best first (ranked, partial allowed). */
  choices: z.array(Id).min(1, 'Choose at least one option.').max(POLL_OPTIONS_MAX),
});

const RunoffRound = z.object({ tallies: z.record(z.string(), z.number()), exhausted: z.number(), eliminated: z.array(Id) });

export const PollResults = z.object({
  voters: z.number(),
  /** Votes per option; for ranked polls, first preferences. */
  options: z.array(z.object({ optionId: Id, votes: z.number() })),
  /** Ranked polls: the instant-runoff rounds and the winner(s); null for the other kinds. */
  runoff: z.object({ rounds: z.array(RunoffRound), winners: z.array(Id) }).nullable(),
});

export const Poll = z.object({
  id: Id,
  threadId: Id,
  question: z.string(),
  kind: z.enum(POLL_KINDS),
  maxChoices: z.number().nullable(),
  resultsVisibility: z.enum(POLL_RESULTS_VISIBILITIES),
  closesAt: z.string().nullable(),
  closed: z.boolean(),
  options: z.array(z.object({ id: Id, label: z.string() })),
  /** The signed-in member's ballot; null when they have not voted (or are not a member). */
  myChoices: z.array(Id).nullable(),
  /** Null when this viewer may not see them yet; `resultsHiddenUntil` says why. */
  results: PollResults.nullable(),
  resultsHiddenUntil: z.enum(['vote', 'close', 'never']).nullable(),
});
export type Poll = z.infer<typeof Poll>;
