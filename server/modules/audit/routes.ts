import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEntry, AuditQuery } from '../../../shared/contracts/workspaces';
import { WorkspaceParams } from '../../http/params';
import { listAudit } from './queries/listAudit';
import { presentAuditEntry } from './presenters';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/workspaces/:workspaceId/audit',
    {
      config: { action: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit log of sensitive actions (owners)',
        params: WorkspaceParams,
        querystring: AuditQuery,
        response: { 200: z.object({ entries: z.array(AuditEntry), nextBefore: z.number().nullable() }) },
      },
    },
    async (req) => {
      const page = await listAudit({ db: req.ctx.db, workspaceId: req.actor.workspaceId, before: req.query.before, limit: req.query.limit });
      return { entries: page.entries.map(presentAuditEntry), nextBefore: page.nextBefore };
    },
  );
};
