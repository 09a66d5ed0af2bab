/** Org units: the directory's tree of departments, affiliated units and street offices. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorReplies } from '../../../contract/common.ts';
import {
  createOrgUnitBodySchema,
  type OrgUnitReply,
  orgUnitParamsSchema,
  orgUnitQuerySchema,
  orgUnitSchema,
  updateOrgUnitBodySchema,
} from '../../../contract/directory.ts';
import {
  allOrgUnits,
  findOrgUnit,
  type OrgUnitNode,
  orderAsTree,
} from '../../../store/directory.repository.ts';
import type { OrgUnit } from '../../../store/people.repository.ts';
import { notFound } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import { type Actor, authorize, can } from '../../policies/index.ts';
import { createOrgUnit, updateOrgUnit } from '../../services/editOrgUnit.ts';

/** A unit as the API shows it, with what the actor may do to it. */
export function presentOrgUnit(unit: OrgUnitNode, actor: Actor): OrgUnitReply {
  return {
    id: unit.id,
    regionCode: unit.regionCode,
    code: unit.code,
    name: unit.name,
    shortName: unit.shortName,
    kind: unit.kind as OrgUnitReply['kind'],
    parentId: unit.parentId,
    depth: unit.depth,
    version: unit.version,
    abilities: { edit: can(actor, 'orgUnit.write', undefined) },
  };
}

/** The unit with its depth in the tree, for a reply about one unit. */
async function withDepth(app: FastifyInstance, unit: OrgUnit): Promise<OrgUnitNode> {
  return (
    orderAsTree(await allOrgUnits(app.database.db, unit.regionCode)).find((u) => u.id === unit.id) ?? {
      ...unit,
      depth: 0,
    }
  );
}

export async function orgUnitRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/org-units',
    {
      schema: {
        tags: ['directory'],
        querystring: orgUnitQuerySchema,
        response: { 200: z.array(orgUnitSchema), ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'orgUnit.read', undefined);
      const units = orderAsTree(await allOrgUnits(app.database.db, request.query.regionCode));
      return units.map((u) => presentOrgUnit(u, actor));
    },
  );

  app.post(
    '/api/org-units',
    {
      schema: {
        tags: ['directory'],
        body: createOrgUnitBodySchema,
        response: { 201: orgUnitSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'orgUnit.write', undefined);
      const now = app.clock().toISOString();
      const unit = await app.database.db
        .transaction()
        .execute((trx) => createOrgUnit(trx, { actor, input: request.body, now }));
      return reply.status(201).send(presentOrgUnit(await withDepth(app, unit), actor));
    },
  );

  app.patch(
    '/api/org-units/:id',
    {
      schema: {
        tags: ['directory'],
        params: orgUnitParamsSchema,
        body: updateOrgUnitBodySchema,
        response: { 200: orgUnitSchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const unit = await findOrgUnit(app.database.db, request.params.id);
      if (!unit) throw notFound(`org unit ${request.params.id}`);
      authorize(actor, 'orgUnit.write', undefined);
      const now = app.clock().toISOString();
      const updated = await app.database.db
        .transaction()
        .execute((trx) => updateOrgUnit(trx, { actor, unit, input: request.body, now }));
      return presentOrgUnit(await withDepth(app, updated), actor);
    },
  );
}
