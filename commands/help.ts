import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { messages } from '../src/core/messages.js';

export default defineCommand({
  name: 'help',
  description: 'Show what factdesk can do',
  usage: 'help',
  options: z.object({}),
  async handler(_options, { commands }) {
    return {
      kind: 'help',
      intro: messages.helpIntro,
      commands: commands.map(({ name, description, usage }) => ({ name, description, usage })),
    };
  },
});
