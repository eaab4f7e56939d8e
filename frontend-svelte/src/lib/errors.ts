/** Error codes of the API in plain words; never raw JSON. */
const WORDS: Record<string, string> = {
  BAD_USER_INPUT: 'Please check what you entered',
  UNAUTHENTICATED: 'Please sign in first',
  FORBIDDEN: 'You are not allowed to do that',
  NOT_FOUND: 'That could not be found (it may have been deleted)',
  BUDGET_EXCEEDED: 'This would go over your budget',
  RATE_LIMITED: 'The image providers are busy; it will run as soon as they have room',
  CONTENT_POLICY: 'The provider declined this prompt under its content policy; try wording it differently',
  PROVIDER_UNAVAILABLE: 'No image provider can take this right now',
  INTERNAL: 'Something went wrong on our side',
  NETWORK: 'Atelier cannot be reached; check your connection',
};

export function plainWords(code: string | undefined | null, detail?: string | null): string {
  const known = code != null && code in WORDS;
  const headline = known ? WORDS[code] : WORDS.INTERNAL;
  if (!detail || !known || code === 'INTERNAL' || code === 'NETWORK') {
    return headline + '.';
  }
  return `${headline}: ${detail}`;
}
