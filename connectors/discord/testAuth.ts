/** Stored auth the tests run with (ids match the recordings). */
export const DISCORD_BOT_TEST_AUTH = {
  botToken: 'MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs',
  channelId: '1307000000000000001',
  guildId: '1290000000000000000',
  botUserId: '1300000000000000042',
};

export const DISCORD_WEBHOOK_TEST_AUTH = {
  webhookId: '1307654321098765432',
  webhookToken: 'tok3n-Abc_DEF',
  channelId: '1307000000000000001',
  guildId: '1290000000000000000',
};
