/** Stored auth the tests run with (ids match the recordings). */
export const FACEBOOK_TEST_AUTH = { pageId: '104836731234567', pageAccessToken: 'EAAGpageTokenCaffeAurora', pageName: 'Caffè Aurora' };
