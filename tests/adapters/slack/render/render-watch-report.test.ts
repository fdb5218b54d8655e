import { describe, expect, it } from 'vitest';
import { renderWatchReport } from '../../../../src/adapters/slack/render/render-watch-report.js';
import { resultItem, resultsReply, visibleTexts } from '../fixtures.js';

describe('renderWatchReport', () => {
  it('says where the message was seen and who posted it, then gives the card', () => {
    const report = renderWatchReport(resultsReply([resultItem()]), {
      channelId: 'C0NEWS',
      userId: 'U0POSTER',
      permalink: 'https://acme.slack.com/archives/C0NEWS/p1',
    });
    const [where] = visibleTexts(report.blocks);
    expect(where).toBe('Seen in <#C0NEWS>, posted by <@U0POSTER> · <https://acme.slack.com/archives/C0NEWS/p1|View message>');
    expect(visibleTexts(report.blocks).join('\n')).toContain('*False*');
    expect(report.text).toMatch(/^Seen in <#C0NEWS>, posted by <@U0POSTER>: False:/);
  });

  it('never builds mention markup from something that is not a Slack id', () => {
    const report = renderWatchReport(resultsReply([resultItem()]), { channelId: '!channel', userId: '!here' });
    expect(JSON.stringify(report)).not.toMatch(/<[#@]!/);
  });
});
