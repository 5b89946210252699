/** The media library: uploads streamed to storage, thumbnails, per-network checks, the bytes for publishing. */
export { mediaRoutes } from './routes';
export { checkAssetForNetwork, checkMediaForNetwork, type CheckableAsset } from './checks';
export { loadPublishMedia, loadMediaForChecks } from './queries/loadPublishMedia';
