import { fileURLToPath } from 'node:url';
import { connectorContract, fixtureHarness } from '../test/contract';
import { linkedinConnector, linkedinPageConnector } from './index';
import { LINKEDIN_MEMBER_TEST_AUTH, LINKEDIN_PAGE_TEST_AUTH } from './testAuth';

/**
 * Both LinkedIn networks against recorded REST answers (recordings/member, recordings/page), with the
 * operator's OAuth app and the connect form's fields, as the server passes them.
 */
const dir = (sub: string) => fileURLToPath(new URL(`./recordings/${sub}`, import.meta.url));
connectorContract(fixtureHarness(linkedinConnector, dir('member'), LINKEDIN_MEMBER_TEST_AUTH));
connectorContract(fixtureHarness(linkedinPageConnector, dir('page'), LINKEDIN_PAGE_TEST_AUTH));
