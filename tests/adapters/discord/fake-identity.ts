/** The bot user and application the fake Discord speaks for. */
export const BOT_USER = Object.freeze({ id: '900000000000000001', username: 'factdesk', discriminator: '0', global_name: null, avatar: null, bot: true });
export const APPLICATION_ID = '900000000000000001';
