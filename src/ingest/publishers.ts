import { getDomain } from 'tldts';
import type { Reviewer } from '../model/claim-review.js';

/** How well-known fact-checkers name themselves, by registrable domain. */
const KNOWN_PUBLISHERS: Readonly<Record<string, string>> = {
  'politifact.com': 'PolitiFact',
  'snopes.com': 'Snopes',
  'factcheck.org': 'FactCheck.org',
  'fullfact.org': 'Full Fact',
  'washingtonpost.com': 'The Washington Post',
  'reuters.com': 'Reuters',
  'apnews.com': 'AP News',
  'afp.com': 'AFP Fact Check',
  'leadstories.com': 'Lead Stories',
  'checkyourfact.com': 'Check Your Fact',
  'truthorfiction.com': 'TruthOrFiction',
  'healthfeedback.org': 'Health Feedback',
  'sciencefeedback.co': 'Science Feedback',
  'misbar.com': 'Misbar',
  'fatabyyano.net': 'Fatabyyano',
  'maldita.es': 'Maldita.es',
  'newtral.es': 'Newtral',
  'chequeado.com': 'Chequeado',
  'aosfatos.org': 'Aos Fatos',
  'lupa.news': 'Agência Lupa',
  'estadao.com.br': 'Estadão Verifica',
  'lemonde.fr': 'Le Monde',
  'liberation.fr': 'Libération',
  'correctiv.org': 'CORRECTIV',
  'dpa-factchecking.com': 'dpa Faktencheck',
  'stopfake.org': 'StopFake',
  'provereno.media': 'Проверено.Медиа',
};

/**
 * Who published a fact-check, from its address when the record does not say: a known
 * fact-checker's own name, else the site's domain (`example.org`), linked to the site's home.
 */
export function reviewerFromUrl(url: string): Reviewer | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const domain = getDomain(parsed.hostname) ?? parsed.hostname.replace(/^www\./, '');
  if (!domain) return undefined;
  return { name: KNOWN_PUBLISHERS[domain] ?? domain, url: `${parsed.protocol}//${parsed.host}` };
}
