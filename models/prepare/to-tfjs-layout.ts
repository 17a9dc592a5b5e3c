/** OIHW (PyTorch/ONNX) → HWIO (TF.js conv2d) for kernels; other tensors are copied as they are. */
export function toTfjsLayout(data: Float32Array, shape: number[]): { data: Float32Array; shape: number[] } {
  if (shape.length !== 4) return { data, shape };
  const [o, i, h, w] = shape;
  const out = new Float32Array(data.length);
  for (let oo = 0; oo < o; oo++)
    for (let ii = 0; ii < i; ii++)
      for (let hh = 0; hh < h; hh++)
        for (let ww = 0; ww < w; ww++) out[((hh * w + ww) * i + ii) * o + oo] = data[((oo * i + ii) * h + hh) * w + ww];
  return { data: out, shape: [h, w, i, o] };
}
