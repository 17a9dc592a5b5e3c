import { useEffect, useRef } from 'preact/hooks';
import type { RgbImage, RgbaImage } from '../../../core/types.ts';
import { paint } from '../image/pixels.ts';

interface Props {
  image: RgbImage | RgbaImage | null;
  label: string;
  /** Visible caption when it should be shorter than the accessible label (defaults to the label). */
  caption?: string;
  /** Displayed size in CSS pixels; the box keeps it while empty so nothing jumps. */
  size?: number;
  testId?: string;
}

/** A fixed-size, pixelated view of an image; an empty placeholder of the same size before it exists. */
export function ImageCanvas({ image, label, caption, size = 224, testId }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current && image) paint(canvas.current, image);
  }, [image]);
  return (
    <figure class="image-box" style={{ maxWidth: `${size}px` }}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={label}
        data-testid={testId}
        data-empty={image ? 'false' : 'true'}
        width={image?.width ?? 224}
        height={image?.height ?? 224}
      />
      <figcaption>{caption ?? label}</figcaption>
    </figure>
  );
}
