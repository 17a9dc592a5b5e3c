import { decode as decodeWithJpegJs } from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { MAX_JPEG_SCANS } from '../../../core/image/check-jpeg-scans.ts';
import { decodeImage } from '../../../core/image/index.ts';
import { jpegDecoderBytes } from '../../../core/image/jpeg-decoder-memory.ts';
import { readJpegFrame } from '../../../core/image/read-jpeg-header.ts';
import { walkJpegSegments } from '../../../core/image/walk-jpeg-segments.ts';
import { flatJpeg, jpegFixture, realPhotoJpeg } from './jpeg-fixtures.ts';

function failure(run: () => unknown): { code?: string; message?: string } {
  try {
    run();
  } catch (error) {
    return error as { code?: string; message?: string };
  }
  return {};
}

/** Offset of the first frame header's length field. */
function frameOffset(jpeg: Uint8Array): number {
  return jpeg.findIndex((byte, i) => byte === 0xff && (jpeg[i + 1] === 0xc0 || jpeg[i + 1] === 0xc2)) + 2;
}

/** The JPEG with its frame header's bytes from `start` (counted from the length field) replaced. */
function withFrameBytes(jpeg: Uint8Array, start: number, bytes: number[]): Uint8Array {
  const result = jpeg.slice();
  result.set(bytes, frameOffset(jpeg) + start);
  return result;
}

/**
 * The fewest bytes jpeg-js's memory guard lets it decode the file in, found by bisection: its
 * maxMemoryUsageInMB is multiplied by 2^20, so any byte count can be set exactly.
 */
function jpegJsAccountedBytes(jpeg: Uint8Array): number {
  const fits = (bytes: number) => {
    try {
      decodeWithJpegJs(jpeg, { useTArray: true, formatAsRGBA: false, maxMemoryUsageInMB: bytes / 2 ** 20 });
      return true;
    } catch (error) {
      if (/maxMemoryUsageInMB/.test(String(error))) return false;
      throw error;
    }
  };
  let [low, high] = [0, 2 ** 30];
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** What jpeg-js counts for the file's tables: 256 bytes a DQT table, 16 plus its values a DHT table. */
function tableBytes(jpeg: Uint8Array): number {
  let total = 0;
  walkJpegSegments(
    jpeg,
    (marker, offset, length) => {
      for (let at = offset + 2; at < offset + length; ) {
        if (marker === 0xdb) {
          total += 256;
          at += 1 + 64 * ((jpeg[at] >> 4) + 1);
        } else if (marker === 0xc4) {
          const values = jpeg.subarray(at + 1, at + 17).reduce((sum, count) => sum + count, 0);
          total += 16 + values;
          at += 17 + values;
        } else {
          break;
        }
      }
      return undefined;
    },
    { throughScans: true },
  );
  return total;
}

describe('jpegDecoderBytes', () => {
  it.each([
    ['the progressive fixture', () => jpegFixture('progressive')],
    ['the CMYK fixture', () => jpegFixture('cmyk')],
    ['the gray fixture', () => jpegFixture('gray')],
    ['a real photo', realPhotoJpeg],
    ['a 37×21 frame at 4:2:0', () => flatJpeg(37, 21, [[2, 2], [1, 1], [1, 1]])],
    ['a 37×21 frame at 4:2:2', () => flatJpeg(37, 21, [[2, 1], [1, 1], [1, 1]])],
    ['a 37×21 frame with odd factors', () => flatJpeg(37, 21, [[4, 4], [2, 1], [1, 3]])],
    ['a 1×1 frame at 4×4', () => flatJpeg(1, 1, [[4, 4], [4, 4], [4, 4]])],
    ['a 300×7 frame, chroma at 2×2', () => flatJpeg(300, 7, [[1, 1], [2, 2], [1, 1]])],
  ])('is exactly what jpeg-js counts, tables aside, for %s', (_, make) => {
    const jpeg = make();
    expect(jpegJsAccountedBytes(jpeg)).toBe(jpegDecoderBytes(readJpegFrame(jpeg)) + tableBytes(jpeg));
  });
});

describe('decodeImage on JPEG frame headers a decoder must not trust', () => {
  it('refuses sampling factors outside 1–4 (15×15 here) as corrupt, naming them', () => {
    const jpeg = realPhotoJpeg();
    // Component 1's factors are the second byte of its entry, after length, precision, size and count.
    const patched = withFrameBytes(jpeg, 9, [0xff]);
    expect(failure(() => decodeImage(patched))).toMatchObject({
      code: 'image/corrupt',
      message: expect.stringMatching(/sampling factors 15×15; the JPEG standard allows 1 to 4/),
    });
  });

  it('refuses, before decoding, a frame whose buffers would outgrow what the pixel budget allows', () => {
    // 65535×3 is within a 200 000-pixel budget, but at 4×4 sampling jpeg-js pads every component to
    // 32-row MCUs of Int32 coefficients: about 27 MB, where 196 605 ordinary pixels need 6.
    const strip = flatJpeg(65_535, 3, [[4, 4], [4, 4], [4, 4]]);
    expect(jpegDecoderBytes(readJpegFrame(strip))).toBeGreaterThan(26e6);
    expect(failure(() => decodeImage(strip, { maxPixels: 200_000 }))).toMatchObject({
      code: 'image/too-large',
      message: expect.stringMatching(/65535×3 JPEG \(sampling factors 4×4, 4×4, 4×4\) would take 2\d\.\d MB; the pixel budget of 200000 pixels allows 22\.\d MB/),
    });
    // The same strip without subsampling fits, and decodes.
    expect(decodeImage(flatJpeg(65_535, 3, [[1, 1], [1, 1], [1, 1]]), { maxPixels: 200_000 }).width).toBe(65_535);
  });

  it('calls 12-bit samples and two components unsupported, other precisions and repeated components corrupt', () => {
    const jpeg = realPhotoJpeg();
    expect(failure(() => decodeImage(withFrameBytes(jpeg, 2, [12])))).toMatchObject({ code: 'image/unsupported', message: expect.stringMatching(/12-bit/) });
    expect(failure(() => decodeImage(withFrameBytes(jpeg, 2, [9])))).toMatchObject({ code: 'image/corrupt', message: expect.stringMatching(/precision of 9 bits/) });
    // Two components: the count byte, and a frame length shortened to match.
    expect(failure(() => decodeImage(withFrameBytes(jpeg, 0, [0, 8 + 6, 8, 0, 224, 0, 224, 2])))).toMatchObject({ code: 'image/unsupported', message: expect.stringMatching(/2 color components/) });
    // Component 2 given component 1's identifier.
    expect(failure(() => decodeImage(withFrameBytes(jpeg, 11, [1])))).toMatchObject({ code: 'image/corrupt', message: expect.stringMatching(/component 1 twice/) });
  });

  it('refuses a second frame header', () => {
    const jpeg = realPhotoJpeg();
    const frame = frameOffset(jpeg) - 2;
    const segment = jpeg.subarray(frame, frame + 2 + ((jpeg[frame + 2] << 8) | jpeg[frame + 3]));
    const eoi = jpeg.length - 2;
    const twoFrames = Uint8Array.from([...jpeg.subarray(0, eoi), ...segment, 0xff, 0xd9]);
    expect(failure(() => decodeImage(twoFrames))).toMatchObject({ code: 'image/corrupt', message: expect.stringMatching(/more than one frame header/) });
  });
});

describe('the scan limit', () => {
  /** The progressive fixture with `count` empty scans of component 1 added before its end. */
  function withExtraScans(count: number): Uint8Array {
    const jpeg = jpegFixture('progressive');
    const emptyScan = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x01, 0x3f, 0x00];
    return Uint8Array.from([...jpeg.subarray(0, jpeg.length - 2), ...Array.from({ length: count }, () => emptyScan).flat(), 0xff, 0xd9]);
  }

  function scanCount(jpeg: Uint8Array): number {
    let scans = 0;
    walkJpegSegments(jpeg, (marker) => void (marker === 0xda && scans++), { throughScans: true });
    return scans;
  }

  it('counts scans through their entropy-coded data: the progressive fixture has a libjpeg script', () => {
    expect(scanCount(jpegFixture('progressive'))).toBe(10);
    expect(scanCount(realPhotoJpeg())).toBe(1);
  });

  it(`refuses more than ${MAX_JPEG_SCANS} scans, each a full pass for jpeg-js, before decoding`, () => {
    const bomb = withExtraScans(MAX_JPEG_SCANS);
    expect(scanCount(bomb)).toBe(MAX_JPEG_SCANS + 10);
    expect(failure(() => decodeImage(bomb))).toMatchObject({ code: 'image/too-large', message: expect.stringMatching(/more than 100 scans/) });
  });
});
