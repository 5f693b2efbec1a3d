import { z } from 'zod';
// zod's messages in plain words, for every schema (the Workflow's and the script's import this module).
import './plainMessages.ts';

/** A stable identifier of a node, edge, Workflow, contact or user: letters, digits and `_.:-`. */
export const idSchema = z
  .string()
  .min(1, 'Must not be empty')
  .max(64, 'At most 64 characters')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'Only letters, digits and _ . : - are allowed');

/** Canvas coordinates of a node; the engine ignores them. */
export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

/** Fields every step shares. */
export const stepBaseShape = {
  id: idSchema,
  label: z.string().max(120, 'At most 120 characters'),
  position: positionSchema.optional(),
};
