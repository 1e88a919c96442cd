/** The typed arrays a growable struct of arrays is made of. */
export type GrowableColumn =
  | Int8Array
  | Uint8Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/**
 * A column of the same type `length` long, `column`'s values first: the step by which a
 * struct of arrays (contact records, a fleet's sightings) doubles its capacity.
 */
export function grown<T extends GrowableColumn>(column: T, length: number): T {
  const next = new (column.constructor as new (length: number) => T)(length);
  next.set(column);
  return next;
}
