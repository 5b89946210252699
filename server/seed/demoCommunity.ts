import type { Db } from '../db/client';
import { communities, communityPostRevisions, communityPosts, communitySpaces, communityThreads } from '../db/schema';
import { postSearchColumns, renderMarkdown } from '../modules/community';

/**
 * Caffè Aurora's community for the demo: guidelines, a public space for everyone's coffee talk, a
 * members-only space for the regulars, and Giulia's (community manager, staff badge) welcome thread.
 */
const GUIDELINES = `## Le nostre regole / Our guidelines

- Sii gentile: qui si parla di caffè, non si litiga. *Be kind: we talk coffee here.*
- Niente pubblicità o spam. *No ads or spam.*
- Condividi ricette, domande e scoperte. *Share recipes, questions and finds.*`;

const WELCOME = `Benvenuti nella community di **Caffè Aurora**! ☕

Presentatevi qui sotto: come preparate il caffè a casa? Moka, V60, espresso?

*Welcome! Introduce yourself below: how do you brew at home?*`;

export async function seedDemoCommunity(tx: Db, { workspaceId, giulia }: { workspaceId: string; giulia: { id: string } }): Promise<void> {
  await tx.insert(communities).values({ workspaceId, name: 'Caffè Aurora Community', description: 'Appassionati di caffè di Bologna e dintorni.', guidelines: GUIDELINES, guidelinesHtml: renderMarkdown(GUIDELINES) });
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
}
