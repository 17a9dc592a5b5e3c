import { useMemo } from 'preact/hooks';
import type { RgbImage } from '../../../core/types.ts';
import { mapPicture } from '../image/render-map.ts';
import type { SaliencyState } from '../state/app.ts';
import type { SaliencyMap } from '../worker/protocol.ts';
import { ImageCanvas } from './ImageCanvas.tsx';

interface Props {
  input: RgbImage;
  map: SaliencyMap;
  settings: Pick<SaliencyState, 'view' | 'colormap' | 'opacity' | 'quantile'>;
}

/** One class's map in the chosen view; the mask view adds the localization box. */
export function MapCard({ input, map, settings }: Props) {
  const picture = useMemo(
    () => mapPicture(input, map, settings.view, settings),
    [input, map, settings.view, settings.colormap, settings.opacity, settings.quantile],
  );
  const box = picture.box;
  return (
    <div class="map-card" data-testid="saliency-map" data-class={map.class.index}>
      <div class="map-frame">
        <ImageCanvas image={picture.image} label={`${settings.view} for ${map.class.name}`} testId="saliency-canvas" />
        {box ? (
          <div
            class="map-box"
            aria-hidden="true"
            style={{
              left: `${(box.x / map.width) * 100}%`,
              top: `${(box.y / map.height) * 100}%`,
              width: `${(box.width / map.width) * 100}%`,
              height: `${(box.height / map.height) * 100}%`,
            }}
          />
        ) : null}
      </div>
      {picture.coverage !== undefined ? <p class="muted">Mask covers {(picture.coverage * 100).toFixed(0)}% of the image</p> : null}
    </div>
  );
}
