import { fileURLToPath } from 'node:url';
import { connectorContract, fixtureHarness } from '../test/contract';
import { facebookConnector } from './index';
import { FACEBOOK_TEST_AUTH } from './testAuth';

/** Facebook Pages against recorded Graph API answers (recordings/), with the connect form's fields the server passes. */
connectorContract(fixtureHarness(facebookConnector, fileURLToPath(new URL('./recordings', import.meta.url)), FACEBOOK_TEST_AUTH));
