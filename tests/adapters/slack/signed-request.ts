import { createHmac } from 'node:crypto';

export interface SignOptions {
  secret: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Replace the computed signature (for tampering tests); `null` leaves the header out. */
  signature?: string | null;
  /** Leave the timestamp header out. */
  omitTimestamp?: boolean;
  headers?: Record<string, string>;
}

/** Slack's v0 request signature: HMAC-SHA256 over `v0:<timestamp>:<raw body>` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/** POSTs a body to the app exactly as Slack would: raw body, signature and timestamp headers. */
export async function sendSigned(url: string, body: { form: Record<string, string> } | { json: unknown }, options: SignOptions): Promise<Response> {
  const rawBody = 'form' in body ? new URLSearchParams(body.form).toString() : JSON.stringify(body.json);
  const contentType = 'form' in body ? 'application/x-www-form-urlencoded' : 'application/json';
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType, ...options.headers };
  if (!options.omitTimestamp) headers['x-slack-request-timestamp'] = String(timestamp);
  const signature = options.signature === undefined ? slackSignature(options.secret, timestamp, rawBody) : options.signature;
  if (signature !== null) headers['x-slack-signature'] = signature;
  return fetch(url, { method: 'POST', headers, body: rawBody });
}

/** Interactive payloads (buttons, shortcuts) arrive as a form with one `payload` JSON field. */
export function interactionForm(payload: unknown): { form: Record<string, string> } {
  return { form: { payload: JSON.stringify(payload) } };
}
