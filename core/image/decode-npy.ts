import { GradlensError } from '../errors.ts';
import { NPY_FLOAT32_DESCR, NPY_MAGIC } from './npy-format.ts';

export interface NpyArray {
  shape: number[];
  /** Values in C (row-major) order. */
  data: Float32Array;
}

const NPY_HINT = "gradlens reads .npy files of little-endian float32 ('<f4') in C order, as numpy.save writes them.";

/**
 * The shape and float32 values of a NumPy .npy file (any format version). Only '<f4' in C order is
 * read; anything else is refused with the reason rather than misread.
 *
 * @example
 * const { shape, data } = decodeNpy(bytes); // shape [1, 3, 224, 224]
 */
export function decodeNpy(bytes: Uint8Array): NpyArray {
  if (bytes.length < 10 || NPY_MAGIC.some((byte, i) => bytes[i] !== byte)) {
    throw malformed('it does not start with the .npy magic string');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const majorVersion = bytes[6];
  if (majorVersion < 1 || majorVersion > 3) throw malformed(`unknown format version ${majorVersion}`);
  // Version 1 has a 2-byte header length; versions 2 and 3 widened it to 4 bytes.
  const headerStart = majorVersion === 1 ? 10 : 12;
  if (bytes.length < headerStart) throw malformed('its preamble is cut short');
  const headerLength = majorVersion === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = headerStart + headerLength;
  if (bytes.length < dataStart) throw malformed('its header is cut short');
  const header = String.fromCharCode(...bytes.subarray(headerStart, dataStart));

  const descr = /['"]descr['"]\s*:\s*['"]([^'"]*)['"]/.exec(header)?.[1];
  const fortranOrder = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortranOrder === undefined || shapeText === undefined) {
    throw malformed('its header lacks descr, fortran_order or shape');
  }
  if (descr !== NPY_FLOAT32_DESCR) {
    throw new GradlensError('image/unsupported', `The .npy file holds '${descr}' values, not '<f4'.`, NPY_HINT);
  }
  if (fortranOrder === 'True') {
    throw new GradlensError('image/unsupported', 'The .npy file is in Fortran (column-major) order.', NPY_HINT);
  }
  const shape = parseShape(shapeText);
  const elementCount = shape.reduce((product, size) => product * size, 1);
  if (bytes.length - dataStart !== elementCount * 4) {
    throw malformed(`shape (${shape.join(', ')}) needs ${elementCount * 4} bytes of data, it holds ${bytes.length - dataStart}`);
  }
  const data = new Float32Array(elementCount);
  // DataView reads little-endian whatever the host's byte order, and from any byte offset.
  for (let i = 0; i < elementCount; i++) data[i] = view.getFloat32(dataStart + i * 4, true);
  return { shape, data };
}

/** "1, 3, 224, 224" or "5," or "" (a scalar) to sizes; Python 2 files may write "5L". */
function parseShape(shapeText: string): number[] {
  const parts = shapeText.split(',').map((part) => part.trim()).filter((part) => part.length > 0);
  return parts.map((part) => {
    if (!/^\d+L?$/.test(part)) throw malformed(`its shape has a size "${part}"`);
    return Number.parseInt(part, 10);
  });
}

function malformed(reason: string): GradlensError {
  return new GradlensError('image/corrupt', `This is not a readable .npy file: ${reason}.`, NPY_HINT);
}
