/**
 * Pixel budget for decoding untrusted images: the one place its default lives.
 * 40 megapixels admits any ordinary camera photo (8000×5000) while refusing decompression bombs
 * whose header promises gigapixels.
 */
export const DEFAULT_MAX_PIXELS = 40_000_000;
