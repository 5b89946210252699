import { AppError } from '../errors';

/** An opaque "next page" cursor for lists ordered by (time, id) descending: base64url of both. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

/** Reads a cursor from `encodeCursor`; anything else is a clear validation error. */
export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(at.getTime())) throw new AppError('VALIDATION_FAILED', 'Pass the nextCursor of the previous page as cursor.', { fields: { cursor: 'Use the nextCursor of the previous page.' } });
  return { at, id };
}
