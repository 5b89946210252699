/** The media feature's surface for other features (the composer mounts MediaPicker). */
export { MediaPicker, type MediaPickerProps } from './MediaPicker';
export { MediaThumb } from './MediaThumb';
export { useMediaAssets, type MediaAsset } from './api';
