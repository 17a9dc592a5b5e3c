/**
 * Undoes the PNG row filters (PNG spec §9: None, Sub, Up, Average, Paeth) of `rows` rows of
 * `rowBytes` bytes that sit in `data` from `from`, each after its filter-type byte, and writes the
 * rows back to back from `to` ≤ `from`. In place and in one pass: each byte is written no later than
 * it is read, and the row above is read where it was just written. `pixelBytes` is the distance to
 * the byte of the pixel to the left: bytes a pixel, rounded up to 1.
 */
export function unfilterScanlines(data: Uint8Array, from: number, to: number, rows: number, rowBytes: number, pixelBytes: number): void {
  for (let row = 0; row < rows; row++) {
    const source = from + row * (rowBytes + 1);
    const filter = data[source];
    const input = source + 1;
    const output = to + row * rowBytes;
    // The row above the first one counts as zeros: Up is then None, and Paeth is Sub.
    const above = row === 0 ? -1 : output - rowBytes;
    if (filter === 0 || (filter === 2 && above < 0)) {
      data.copyWithin(output, input, input + rowBytes);
    } else if (filter === 1 || (filter === 4 && above < 0)) {
      unfilterSub(data, input, output, rowBytes, pixelBytes);
    } else if (filter === 2) {
      for (let i = 0; i < rowBytes; i++) data[output + i] = data[input + i] + data[above + i];
    } else if (filter === 3) {
      unfilterAverage(data, input, output, above, rowBytes, pixelBytes);
    } else if (filter === 4) {
      unfilterPaeth(data, input, output, above, rowBytes, pixelBytes);
    } else {
      throw new Error(`unknown filter type ${filter} in row ${row}`);
    }
  }
}

function unfilterSub(data: Uint8Array, input: number, output: number, rowBytes: number, pixelBytes: number): void {
  const first = Math.min(pixelBytes, rowBytes);
  for (let i = 0; i < first; i++) data[output + i] = data[input + i];
  for (let i = first; i < rowBytes; i++) data[output + i] = data[input + i] + data[output + i - pixelBytes];
}

/** Average of left and above, each 0 where there is none (`above` < 0 for the first row). */
function unfilterAverage(data: Uint8Array, input: number, output: number, above: number, rowBytes: number, pixelBytes: number): void {
  const first = Math.min(pixelBytes, rowBytes);
  if (above < 0) {
    for (let i = 0; i < first; i++) data[output + i] = data[input + i];
    for (let i = first; i < rowBytes; i++) data[output + i] = data[input + i] + (data[output + i - pixelBytes] >> 1);
    return;
  }
  for (let i = 0; i < first; i++) data[output + i] = data[input + i] + (data[above + i] >> 1);
  for (let i = first; i < rowBytes; i++) data[output + i] = data[input + i] + ((data[output + i - pixelBytes] + data[above + i]) >> 1);
}

/** Paeth's predictor (§9.4): whichever of left, above and upper-left is nearest to left + above − upper-left. */
function unfilterPaeth(data: Uint8Array, input: number, output: number, above: number, rowBytes: number, pixelBytes: number): void {
  const first = Math.min(pixelBytes, rowBytes);
  for (let i = 0; i < first; i++) data[output + i] = data[input + i] + data[above + i];
  for (let i = first; i < rowBytes; i++) {
    const left = data[output + i - pixelBytes];
    const up = data[above + i];
    const upperLeft = data[above + i - pixelBytes];
    const toLeft = Math.abs(up - upperLeft);
    const toUp = Math.abs(left - upperLeft);
    const toUpperLeft = Math.abs(left + up - 2 * upperLeft);
    const predicted = toLeft <= toUp && toLeft <= toUpperLeft ? left : toUp <= toUpperLeft ? up : upperLeft;
    data[output + i] = data[input + i] + predicted;
  }
}
