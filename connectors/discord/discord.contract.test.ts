import { fileURLToPath } from 'node:url';
import { connectorContract, fixtureHarness } from '../test/contract';
import { discordConnector, discordWebhookConnector } from './index';
import { DISCORD_BOT_TEST_AUTH, DISCORD_WEBHOOK_TEST_AUTH } from './testAuth';

/** Both Discord networks against recorded API v10 answers (recordings/bot, recordings/webhook). */
const dir = (sub: string) => fileURLToPath(new URL(`./recordings/${sub}`, import.meta.url));
connectorContract(fixtureHarness(discordConnector, dir('bot'), DISCORD_BOT_TEST_AUTH));
connectorContract(fixtureHarness(discordWebhookConnector, dir('webhook'), DISCORD_WEBHOOK_TEST_AUTH));
