import { fileURLToPath } from 'node:url';
import { connectorContract, fixtureHarness } from '../test/contract';
import { telegramConnector } from './index';
import { TELEGRAM_TEST_AUTH } from './testAuth';

/** Telegram against recorded Bot API answers (recordings/, one per contract scenario). */

connectorContract(fixtureHarness(telegramConnector, fileURLToPath(new URL('./recordings', import.meta.url)), TELEGRAM_TEST_AUTH));
