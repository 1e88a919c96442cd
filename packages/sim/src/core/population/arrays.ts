/**
 * Makes the population's long-lived typed arrays. Plain by default; the Node scanner makes
 * them on shared memory, so its worker threads read the population as it was built, without
 * a copy (at national scale the copy was ≈ 9 s and a second 3 GB).
 */
export interface PopulationArrays {
  u8(length: number): Uint8Array;
  u32(length: number): Uint32Array;
}

export const plainArrays: PopulationArrays = {
  u8: (n) => new Uint8Array(n),
  u32: (n) => new Uint32Array(n),
};

/** `src` copied into a new array of its length made by `arrays`. */
export function copyU32(arrays: PopulationArrays, src: Uint32Array): Uint32Array {
  const out = arrays.u32(src.length);
  out.set(src);
  return out;
}
