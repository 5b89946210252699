/** The media library: uploads streamed to storage, thumbnails, per-network checks, the bytes for publishing. */
export { mediaRoutes } from './routes';
export { checkAssetForNetwork, checkMediaForNetwork, type CheckableAsset } from './checks';
export { loadPublishMedia, loadMediaForChecks } from './queries/loadPublishMedia';
/** Community images: the same upload checks, then re-encoded without metadata for public pages. */
export { storeCleanImage, type CleanImage } from './ingest/cleanImage';
