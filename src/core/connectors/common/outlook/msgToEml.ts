import { itemToEml } from './itemToEml.js';
import { readMsg } from './readMsg.js';

/** A `.msg` attached to a mail as the `.eml` the mail scanner descends into, or why it cannot be read. */
export async function msgToEml(bytes: Buffer): Promise<Buffer | string> {
  try {
    return itemToEml(readMsg(bytes));
  } catch (err) {
    return `cannot be read as an Outlook .msg file (${(err as Error).message.split('\n')[0]})`;
  }
}
