import type { Box } from './box.ts';

export interface Component {
  box: Box;
  pixelCount: number;
}

/**
 * The largest 4-connected region of 1s in a mask, with its bounding box; null when the mask is
 * empty. Ties go to the region found first in row-major order. An explicit stack, not recursion,
 * so a region covering a large photo cannot overflow the call stack.
 */
export function largestComponent(mask: Uint8Array, width: number, height: number): Component | null {
  const visited = new Uint8Array(mask.length);
  const stack = new Int32Array(mask.length);
  let largest: Component | null = null;
  // Each pixel enters the stack at most once, so the stack never outgrows the mask.
  const push = (pixel: number, top: number): number => {
    if (mask[pixel] !== 1 || visited[pixel]) return top;
    visited[pixel] = 1;
    stack[top] = pixel;
    return top + 1;
  };
  for (let seed = 0; seed < mask.length; seed++) {
    if (mask[seed] !== 1 || visited[seed]) continue;
    let size = 0;
    let top = push(seed, 0);
    let [minX, minY, maxX, maxY] = [width, height, -1, -1];
    while (top > 0) {
      const pixel = stack[--top];
      const x = pixel % width;
      const y = (pixel - x) / width;
      size++;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      if (x > 0) top = push(pixel - 1, top);
      if (x < width - 1) top = push(pixel + 1, top);
      if (y > 0) top = push(pixel - width, top);
      if (y < height - 1) top = push(pixel + width, top);
    }
    if (!largest || size > largest.pixelCount) {
      largest = { box: { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 }, pixelCount: size };
    }
  }
  return largest;
}
