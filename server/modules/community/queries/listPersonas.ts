import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityPersonas } from '../../../db/schema';
import { AppError } from '../../../errors';
import type { Writer } from '../policies';
import { presentPersona } from '../presenters';

/** The community's personas, active first, then retired ones. */
export async function listPersonas(db: Db, workspaceId: string) {
  const rows = await db.select().from(communityPersonas).where(eq(communityPersonas.workspaceId, workspaceId)).orderBy(asc(communityPersonas.archivedAt), asc(communityPersonas.name));
  return { personas: rows.map(presentPersona) };
}

/** A staff writer posting as a persona: it must be an active persona of this community. */
export async function assertUsablePersona(db: Db, writer: Writer): Promise<void> {
  if (writer.kind !== 'staff' || !writer.personaId) return;
  const [row] = await db
    .select({ id: communityPersonas.id })
    .from(communityPersonas)
    .where(and(eq(communityPersonas.workspaceId, writer.workspaceId), eq(communityPersonas.id, writer.personaId), isNull(communityPersonas.archivedAt)));
  if (!row) throw new AppError('VALIDATION_FAILED', 'That persona does not exist in this community or was retired. Choose another one, or post as yourself.', { fields: { personaId: 'Unknown or retired persona.' } });
}
