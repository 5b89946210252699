/** Why a feed could not be read, in words for the feed list (never a stack). */
export class FeedFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedFetchError';
  }
}
