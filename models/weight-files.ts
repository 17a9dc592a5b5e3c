/** One published weight file: NumPy float32, OIHW for kernels, and the tensor it becomes. */
export interface NpyWeightFile {
  tensor: string;
  file: string;
  sha256: string;
}
