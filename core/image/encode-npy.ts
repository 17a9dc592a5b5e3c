import { GradlensError } from '../errors.ts';
import { NPY_ALIGNMENT_BYTES, NPY_FLOAT32_DESCR, NPY_MAGIC, npyShapeTuple } from './npy-format.ts';

// magic (6) + version (2) + header length (2)
const PREAMBLE_BYTES = 10;

/**
 * A NumPy .npy file (format 1.0, '<f4', C order) holding `data` with the given shape, readable by
 * `numpy.load`.
 *
 * @example
 * const bytes = encodeNpy(saliency.data, [224, 224]);
 */
export function encodeNpy(data: Float32Array, shape: number[]): Uint8Array {
  const elementCount = shape.reduce((product, size) => product * size, 1);
  if (!shape.every((size) => Number.isInteger(size) && size >= 0) || elementCount !== data.length) {
    throw new GradlensError(
      'options/invalid',
      `Shape [${shape.join(', ')}] does not describe ${data.length} values.`,
    );
  }
  const dictionary = `{'descr': '${NPY_FLOAT32_DESCR}', 'fortran_order': False, 'shape': ${npyShapeTuple(shape)}, }`;
  // Spaces, then a newline, pad the header so the data starts on an aligned offset.
  const unpadded = PREAMBLE_BYTES + dictionary.length + 1;
  const padding = (NPY_ALIGNMENT_BYTES - (unpadded % NPY_ALIGNMENT_BYTES)) % NPY_ALIGNMENT_BYTES;
  const header = `${dictionary}${' '.repeat(padding)}\n`;
  if (header.length > 0xffff) {
    throw new GradlensError('options/invalid', 'The shape is too long for a version 1.0 .npy header.');
  }
  const bytes = new Uint8Array(PREAMBLE_BYTES + header.length + data.length * 4);
  const view = new DataView(bytes.buffer);
  bytes.set(NPY_MAGIC, 0);
  bytes[6] = 1; // major version
  bytes[7] = 0; // minor version
  view.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) bytes[PREAMBLE_BYTES + i] = header.charCodeAt(i);
  const dataStart = PREAMBLE_BYTES + header.length;
  // DataView writes little-endian whatever the host's byte order.
  for (let i = 0; i < data.length; i++) view.setFloat32(dataStart + i * 4, data[i], true);
  return bytes;
}
