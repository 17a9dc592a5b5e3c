import { GradlensError } from '../errors.ts';
import { SUPPORTED_FORMATS_HINT, type ImageHeader } from './image-header.ts';
import { parseJpegFrame, type JpegFrame } from './jpeg-frame.ts';
import { hex, walkJpegSegments } from './walk-jpeg-segments.ts';

const SOF_BASELINE = 0xc0;
const SOF_EXTENDED = 0xc1;
const SOF_PROGRESSIVE = 0xc2;
// In the SOFn range but not frame headers: Huffman tables, JPEG extension, arithmetic conditioning.
const NOT_FRAME_MARKERS = new Set([0xc4, 0xc8, 0xcc]);

export function isFrameHeader(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && !NOT_FRAME_MARKERS.has(marker);
}

function cutShort(): GradlensError {
  return new GradlensError('image/corrupt', 'The JPEG file is cut short before its frame header (SOF).');
}

/** Width and height from a JPEG's frame header: see readJpegFrame. */
export function readJpegHeader(bytes: Uint8Array): ImageHeader {
  const { width, height } = readJpegFrame(bytes);
  return { format: 'jpeg', width, height };
}

/**
 * A JPEG's frame header (SOFn), found by walking past APPn, COM, DQT, DHT and other segments by their
 * lengths, and checked (see parseJpegFrame). Only Huffman-coded baseline, extended and progressive
 * frames can be decoded, so the rarer lossless and arithmetic-coded kinds are refused here, before any decoding.
 */
export function readJpegFrame(bytes: Uint8Array): JpegFrame {
  const walk = walkJpegSegments(bytes, (marker, offset) => (isFrameHeader(marker) ? readFrameHeader(bytes, offset, marker) : undefined));
  if ('found' in walk) return walk.found;
  if (walk.ended === 'data') throw new GradlensError('image/corrupt', 'The JPEG file has no frame header (SOF) before its image data.');
  throw cutShort();
}

function readFrameHeader(bytes: Uint8Array, offset: number, marker: number): JpegFrame {
  if (marker !== SOF_BASELINE && marker !== SOF_EXTENDED && marker !== SOF_PROGRESSIVE) {
    throw new GradlensError(
      'image/unsupported',
      `This JPEG uses a coding gradlens cannot decode (frame marker 0xFF${hex(marker)}: lossless or arithmetic-coded).`,
      `${SUPPORTED_FORMATS_HINT} Baseline and progressive JPEGs work; re-save the image from any editor.`,
    );
  }
  return parseJpegFrame(bytes, offset, marker);
}
