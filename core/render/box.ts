/** An axis-aligned rectangle in pixels: (x, y) is its top-left pixel, width and height include both ends. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
