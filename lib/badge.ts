/** What the toolbar button says needs doing (issue #4, #18). */
export interface BadgeCounts {
  /** Comments on the school's accounts overdue or due within two hours. */
  responses: number;
  /** Captures and cases at their retention review date (at most the count read; `moreReviews` when past it). */
  reviews: number;
  moreReviews?: boolean;
  /** Subject access replies overdue or due within a week. */
  requests: number;
}

export interface Badge {
  text: string;
  color: string;
  /** The button's tooltip: each count in words. */
  title: string;
}

const RED = '#b91c1c';
const BLUE = '#1d4ed8';
const count = (n: number, more = false) => (n > 99 || (more && n >= 99) ? '99+' : `${n}${more ? '+' : ''}`);

/**
 * The badge: comments to answer (the most urgent: a day's deadline) as a number on red; records
 * due for a decision — retention reviews and subject access replies — as "R" and a number on blue,
 * so staff tell them apart by the letter as well as the colour; both, as "3+R". The tooltip says
 * each in words.
 */
export function badgeOf({ responses, reviews, moreReviews = false, requests }: BadgeCounts): Badge {
  const decisions = reviews + requests;
  const words = [
    responses > 0 && `${responses} comment(s) to answer now`,
    reviews > 0 && `${count(reviews, moreReviews)} record(s) due for retention review`,
    requests > 0 && `${requests} subject access reply(ies) due within a week`,
  ].filter((part): part is string => typeof part === 'string');
  const title = words.length === 0 ? 'Exhibit' : `Exhibit: ${words.join('; ')}`;
  if (responses > 0) return { text: decisions > 0 ? `${count(responses)}+R` : count(responses), color: RED, title };
  if (decisions > 0) return { text: `R${count(decisions, moreReviews)}`, color: BLUE, title };
  return { text: '', color: RED, title };
}
