import { fileURLToPath } from 'node:url';
import { connectorContract, fixtureHarness } from '../test/contract';
import { facebookConnector } from './index';
import { FACEBOOK_TEST_AUTH } from './testAuth';

/** Facebook Pages against recorded Graph API answers (recordings/, one per contract scenario). */
connectorContract(fixtureHarness(facebookConnector, fileURLToPath(new URL('./recordings', import.meta.url)), FACEBOOK_TEST_AUTH));
