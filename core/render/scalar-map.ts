/**
 * One non-negative value a pixel (a saliency map), row-major. Plain data like the image types, so
 * it crosses from the gradient core to the CLI, the edge and the site without tensors.
 */
export interface ScalarMap {
  width: number;
  height: number;
  data: Float32Array;
}
