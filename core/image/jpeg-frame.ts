import { GradlensError } from '../errors.ts';
import { SUPPORTED_FORMATS_HINT } from './image-header.ts';

/** One color component of a JPEG frame: its sampling factors, horizontal and vertical. */
export interface JpegComponent {
  id: number;
  h: number;
  v: number;
}

/** A JPEG frame header (SOFn, ITU T.81 §B.2.2), checked: everything allocation depends on. */
export interface JpegFrame {
  marker: number;
  width: number;
  height: number;
  components: JpegComponent[];
}

/** T.81 §B.2.2 allows sampling factors 1 to 4; a decoder sizes its buffers by them. */
const MAX_SAMPLING_FACTOR = 4;

function corrupt(detail: string): GradlensError {
  return new GradlensError('image/corrupt', `The JPEG frame header ${detail}.`, 'Re-download or re-export the image and try again.');
}

/**
 * Reads and checks the frame header whose 2-byte length field starts at `offset`: precision 8 (jpeg-js
 * has no 12-bit path: it would decode such samples as if they were 8-bit), a height given here (not
 * later by DNL), 1, 3 or 4 components (what jpeg-js turns into RGB: gray, YCbCr, Adobe CMYK) with
 * distinct identifiers and sampling factors 1 to 4.
 */
export function parseJpegFrame(bytes: Uint8Array, offset: number, marker: number): JpegFrame {
  // length (2) + precision (1) + height (2) + width (2) + component count (1)
  if (offset + 8 > bytes.length) throw new GradlensError('image/corrupt', 'The JPEG file is cut short in its frame header (SOF).');
  const length = (bytes[offset] << 8) | bytes[offset + 1];
  const precision = bytes[offset + 2];
  const height = (bytes[offset + 3] << 8) | bytes[offset + 4];
  const width = (bytes[offset + 5] << 8) | bytes[offset + 6];
  const count = bytes[offset + 7];
  if (width === 0 || height === 0) {
    // Height 0 means "given later by a DNL marker": jpeg-js cannot decode that, and no budget can be checked.
    throw new GradlensError('image/corrupt', `The JPEG frame header declares an empty image (${width}×${height}).`);
  }
  if (precision === 12) {
    throw new GradlensError('image/unsupported', 'This JPEG has 12-bit samples, which gradlens cannot decode.', `${SUPPORTED_FORMATS_HINT} Save it as an ordinary 8-bit JPEG or PNG.`);
  }
  if (precision !== 8) throw corrupt(`gives a sample precision of ${precision} bits; JPEG allows 8 or 12`);
  if (count === 0) throw corrupt('lists no color components');
  if (length !== 8 + 3 * count || offset + length > bytes.length) throw corrupt(`is ${length} bytes long, which does not fit its ${count} components`);
  if (count !== 1 && count !== 3 && count !== 4) {
    throw new GradlensError(
      'image/unsupported',
      `This JPEG has ${count} color components; gradlens reads 1 (gray), 3 (YCbCr or RGB) or 4 (Adobe CMYK).`,
      SUPPORTED_FORMATS_HINT,
    );
  }
  const components: JpegComponent[] = [];
  for (let i = 0; i < count; i++) {
    const start = offset + 8 + 3 * i;
    const component = { id: bytes[start], h: bytes[start + 1] >> 4, v: bytes[start + 1] & 0x0f };
    if (components.some((other) => other.id === component.id)) throw corrupt(`lists component ${component.id} twice`);
    for (const factor of [component.h, component.v]) {
      if (factor < 1 || factor > MAX_SAMPLING_FACTOR) {
        throw corrupt(`gives component ${component.id} sampling factors ${component.h}×${component.v}; the JPEG standard allows 1 to ${MAX_SAMPLING_FACTOR}`);
      }
    }
    components.push(component);
  }
  return { marker, width, height, components };
}
