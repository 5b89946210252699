import { graphApi } from '../meta/api';

/**
 * Instagram API with Instagram Login: the Graph host is graph.instagram.com (versioned), the code
 * exchange happens on api.instagram.com. Tests point both at `ctx.baseUrl`.
 */
export const OAUTH_ORIGIN = 'https://api.instagram.com';
export const IG_VERSION = 'v24.0';

export const igApi = graphApi({ name: 'Instagram', origin: 'https://graph.instagram.com', version: IG_VERSION });
