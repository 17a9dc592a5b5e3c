/** Facts of the NumPy .npy format (numpy.lib.format) shared by the encoder and decoder. */

/** "\x93NUMPY": every .npy file starts with it. */
export const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/** Little-endian float32, the only element type gradlens writes or reads. */
export const NPY_FLOAT32_DESCR = '<f4';

/** NumPy pads the header so the data starts on this boundary, which lets readers map it directly. */
export const NPY_ALIGNMENT_BYTES = 64;

/** The shape as NumPy prints a tuple: (), (5,), (1, 3, 224, 224). */
export function npyShapeTuple(shape: number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(', ')})`;
}
