/** Stored auth the tests run with (URNs match the recordings). */
export const LINKEDIN_MEMBER_TEST_AUTH = { accessToken: 'AQUvlL_DYEzvT2wz1QJiEPeLioeA-recorded', authorUrn: 'urn:li:person:782bbtaQ', expiresAt: '2027-01-22T09:00:00.000Z' };
export const LINKEDIN_PAGE_TEST_AUTH = { ...LINKEDIN_MEMBER_TEST_AUTH, authorUrn: 'urn:li:organization:2414183' };
