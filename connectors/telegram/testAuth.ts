/** The stored auth the tests run with (a connected channel with a linked discussion group). */
export const TELEGRAM_TEST_AUTH = {
  botToken: '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11',
  chatId: '-1001234567890',
  chatUsername: 'caffeaurora',
  discussionChatId: '-1009876543210',
  botId: '123456',
  botUsername: 'caffeaurora_bot',
};
