/** How an answer goes to the person (status `sent`): a plain list, so the renderer needs no zod to offer it. */
export const SEND_CHANNELS = ['post', 'email', 'inPerson'] as const;
export type SendChannel = (typeof SEND_CHANNELS)[number];
