import type { Db } from '../db/client';
import { communities, communityPostRevisions, communityPosts, communityRituals, communitySpaces, communityThreads } from '../db/schema';
import { checkRitual, defaultStartsOn, postSearchColumns, renderMarkdown } from '../modules/community';

/**
 * Caffè Aurora's community for the demo: guidelines, a public space for everyone's coffee talk, a
 * members-only space for the regulars, a Q&A space, Giulia's (community manager, staff badge) welcome
 * thread and welcome message, and two rituals: "introduce yourself" on Mondays, "weekly wins" on Fridays.
 */
const GUIDELINES = `## Le nostre regole / Our guidelines

- Sii gentile: qui si parla di caffè, non si litiga. *Be kind: we talk coffee here.*
- Niente pubblicità o spam. *No ads or spam.*
- Condividi ricette, domande e scoperte. *Share recipes, questions and finds.*`;

const WELCOME = `Benvenuti nella community di **Caffè Aurora**! ☕

Presentatevi qui sotto: come preparate il caffè a casa? Moka, V60, espresso?

*Welcome! Introduce yourself below: how do you brew at home?*`;

const WELCOME_MESSAGE = `Ciao e benvenuto! Leggi le regole, poi raccontaci come prepari il caffè nel thread *Benvenuti!*.

*Hi and welcome! Read the guidelines, then tell us how you brew in the* Benvenuti! *thread.*`;

const RITUALS = [
  {
    titleTemplate: 'Nuovi arrivati, presentatevi! ({{date}})',
    bodyTemplate: 'Chi è arrivato questa settimana? Raccontaci chi sei e qual è il tuo caffè preferito. ☕\n\n*New this week? Introduce yourself and your favourite coffee.*',
    rrule: 'FREQ=WEEKLY;BYDAY=MO',
    startTime: '10:00',
  },
  {
    titleTemplate: 'Le vittorie della settimana — {{date}}',
    bodyTemplate: 'Qual è stata la tua tazza migliore questa settimana? Foto benvenute!\n\n*Weekly wins: your best cup this week?*',
    rrule: 'FREQ=WEEKLY;BYDAY=FR',
    startTime: '10:00',
  },
];

export async function seedDemoCommunity(tx: Db, { workspaceId, giulia }: { workspaceId: string; giulia: { id: string } }): Promise<void> {
  await tx.insert(communities).values({ workspaceId, name: 'Caffè Aurora Community', description: 'Appassionati di caffè di Bologna e dintorni.', guidelines: GUIDELINES, guidelinesHtml: renderMarkdown(GUIDELINES), welcomeMessage: WELCOME_MESSAGE, welcomeMessageHtml: renderMarkdown(WELCOME_MESSAGE) });
  const [talk] = await tx
    .insert(communitySpaces)
    .values({ workspaceId, name: 'Chiacchiere di caffè', slug: 'chiacchiere', description: 'Ricette, attrezzi, domande: tutto sul caffè.', defaultLanguage: 'it', visibility: 'public', position: 0, createdBy: giulia.id })
    .returning();
  await tx.insert(communitySpaces).values({
    workspaceId,
    name: 'Clienti abituali',
    slug: 'abituali',
    description: 'Per chi passa in torrefazione: assaggi in anteprima e serate.',
    defaultLanguage: 'it',
    visibility: 'members',
    slowModeSeconds: 30,
    position: 1,
    createdBy: giulia.id,
  });
  const [thread] = await tx.insert(communityThreads).values({ workspaceId, spaceId: talk!.id, title: 'Benvenuti! Presentatevi qui 👋', authorUserId: giulia.id }).returning();
  const [post] = await tx
    .insert(communityPosts)
    .values({ workspaceId, spaceId: talk!.id, threadId: thread!.id, isOpening: true, authorUserId: giulia.id, bodySource: WELCOME, bodyHtml: renderMarkdown(WELCOME), ...postSearchColumns(thread!.title, WELCOME, 'it') })
    .returning();
  await tx.insert(communityPostRevisions).values({ workspaceId, postId: post!.id, version: 1, title: thread!.title, bodySource: WELCOME, editedByUserId: giulia.id });
  await tx.insert(communitySpaces).values({
    workspaceId,
    name: 'Chiedi al barista',
    slug: 'chiedi-al-barista',
    description: 'Domande e risposte: il team e la community rispondono, chi chiede sceglie la risposta migliore.',
    defaultLanguage: 'it',
    visibility: 'public',
    kind: 'qa',
    position: 2,
    createdBy: giulia.id,
  });
  const now = new Date();
  for (const r of RITUALS) {
    const fields = { ...r, kind: 'thread' as const, spaceId: talk!.id, timeZone: 'Europe/Rome', startsOn: defaultStartsOn('Europe/Rome', now), leadHours: 0, eventDurationMinutes: null, eventPlace: null, eventOnlineUrl: null, eventCapacity: null };
    await tx.insert(communityRituals).values({ workspaceId, ...fields, active: true, createdBy: giulia.id, nextOccurrenceAt: checkRitual(fields, now).next });
  }
}
