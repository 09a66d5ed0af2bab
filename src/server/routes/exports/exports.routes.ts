/**
 * Export of any table of the web app to .xlsx. The browser sends the table as it shows it (its
 * columns and rows, which the user has already been allowed to read) and gets a workbook back;
 * writing it on the server keeps ExcelJS (about a megabyte) out of the browser bundles.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorReplies } from '../../../contract/common.ts';
import { exportXlsxBodySchema } from '../../../contract/templates.ts';
import { tableToXlsx } from '../../../opendata/xlsx.ts';
import { requireActor } from '../../plugins/auth.ts';
import { authorize } from '../../policies/index.ts';
import { sendFile, XLSX_TYPE } from '../files.ts';

export async function exportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/exports/xlsx',
    {
      schema: {
        tags: ['exports'],
        body: exportXlsxBodySchema,
        response: { 200: z.string().describe('.xlsx workbook (binary)'), ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'export.xlsx', undefined);
      const { title, columns, rows } = request.body;
      const bytes = await tableToXlsx(columns, rows, { sheetName: title, title });
      return sendFile(reply, bytes, XLSX_TYPE, `${title.replace(/[\\/:*?"<>|]+/g, '_')}.xlsx`, 'export.xlsx');
    },
  );
}
