/**
 * The API contract: the directory (org units and users). Shared by the server and the web app;
 * a user reply has no field that could carry a password hash, so none can leak.
 */
import { z } from 'zod';
import { idSchema, roleSchema, versionSchema } from './common.ts';

/**
 * What an org unit is: bureau (区政府工作部门), department (区委工作部门, 区政府办公室), affiliated
 * (直属单位), street (街道办事处), leadership (区委, 区政府), oversight (人大, 审计).
 */
export const orgUnitKindSchema = z.enum([
  'bureau',
  'department',
  'affiliated',
  'street',
  'leadership',
  'oversight',
]);

/** 行政区划 code of the region a unit belongs to. */
export const regionCodeSchema = z
  .string()
  .regex(/^\d{6}$/, { error: '行政区划代码为6位数字 · a 6-digit region code' });

/** A unit's stable code within its region (an ASCII slug such as fgj or street-hubin). */
export const unitCodeSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
  error: '单位代码为字母、数字、点、横线 · letters, digits, dots and dashes',
});

/** A unit as other replies mention it (lead unit of an assignment, a user's unit). */
export const unitRefSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
});
export type UnitRef = z.infer<typeof unitRefSchema>;

/** An org unit; the list is flat and ordered parents first, so the web app builds the tree by parentId. */
export const orgUnitSchema = z.object({
  id: idSchema,
  regionCode: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: orgUnitKindSchema,
  parentId: idSchema.nullable(),
  /** Depth in the tree (0 for a root), for indenting a flat list. */
  depth: z.number().int(),
  version: versionSchema,
  abilities: z.object({ edit: z.boolean() }),
});
export type OrgUnitReply = z.infer<typeof orgUnitSchema>;

export const orgUnitQuerySchema = z.object({ regionCode: regionCodeSchema.optional() });

export const orgUnitParamsSchema = z.object({ id: idSchema });

/** A new unit; its region defaults to its parent's, or to the creator's own unit's region. */
export const createOrgUnitBodySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  code: unitCodeSchema,
  name: z.string().trim().min(1).max(100),
  shortName: z.string().trim().min(1).max(40),
  kind: orgUnitKindSchema,
  parentId: idSchema.nullable().optional(),
});

/** Changes to a unit, with the version the editor saw (a stale one gets 409). */
export const updateOrgUnitBodySchema = z.object({
  version: versionSchema,
  code: unitCodeSchema.optional(),
  name: z.string().trim().min(1).max(100).optional(),
  shortName: z.string().trim().min(1).max(40).optional(),
  kind: orgUnitKindSchema.optional(),
  parentId: idSchema.nullable().optional(),
});

/** A user as staff see them: never a password or its hash. */
export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  orgUnitId: idSchema,
  unit: unitRefSchema,
  active: z.boolean(),
  version: versionSchema,
  createdAt: z.string(),
  abilities: z.object({ edit: z.boolean() }),
});
export type UserReply = z.infer<typeof userSchema>;

export const userQuerySchema = z.object({
  role: roleSchema.optional(),
  orgUnitId: idSchema.optional(),
});

export const userParamsSchema = z.object({ id: idSchema });

/** A password as an administrator sets it: at least 10 characters. */
export const passwordSchema = z
  .string()
  .min(10, { error: '密码至少10个字符 · a password of at least 10 characters' })
  .max(256);

export const createUserBodySchema = z.object({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, {
    error: '用户名为小写字母、数字、点、横线 · lower-case letters, digits, dots, dashes',
  }),
  displayName: z.string().trim().min(1).max(64),
  role: roleSchema,
  orgUnitId: idSchema,
  password: passwordSchema,
});

/** Changes to a user; `password` resets it (and ends the user's sessions). */
export const updateUserBodySchema = z.object({
  version: versionSchema,
  displayName: z.string().trim().min(1).max(64).optional(),
  role: roleSchema.optional(),
  orgUnitId: idSchema.optional(),
  active: z.boolean().optional(),
  password: passwordSchema.optional(),
});
