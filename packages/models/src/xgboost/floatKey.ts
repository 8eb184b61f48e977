/**
 * An int32 whose order matches float32 order for non-NaN values, from the
 * float's bits (-0 is mapped to +0, as `-0 >= 0` in float comparison), so
 * tree walks and binning compare integers without branches.
 *
 * @param bits - the float32's bits as an int32
 * @returns the order key
 */
export function floatKey(bits: number): number {
  return bits === -2147483648 ? 0 : bits ^ ((bits >> 31) & 0x7fffffff);
}
