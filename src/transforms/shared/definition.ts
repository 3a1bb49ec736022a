// Definition cards: what a measure means, written once beside the transform and shown under every
// table and chart that uses it.

/** What a measure is: enough for a manager to read it right and an analyst to reproduce it. */
export interface DefinitionCard {
  /** Stable identifier, e.g. 'leaver_rate'. */
  id: string;
  /** Short name as shown in headings, e.g. 'Leaver rate (Home Office)'. */
  title: string;
  /** One or two sentences: what is counted, over what, when. */
  definition: string;
  numerator?: string;
  denominator?: string;
  /** Unit of the value, e.g. '% of headcount at 1 April', 'working days per FTE'. */
  unit?: string;
  /** Where the definition comes from, e.g. 'Home Office, Police workforce England and Wales, leavers table notes'. */
  source?: string;
  /** Caveats: what is excluded, known biases. */
  notes?: string;
}

/**
 * The card as one paragraph of plain text, for captions and the footers of tables and charts.
 * @example definitionText(LEAVER_RATE) // 'Leaver rate (Home Office): … Numerator: … Denominator: … Source: …'
 */
export function definitionText(card: DefinitionCard): string {
  const parts = [`${card.title}: ${card.definition}`];
  if (card.numerator) parts.push(`Numerator: ${card.numerator}.`);
  if (card.denominator) parts.push(`Denominator: ${card.denominator}.`);
  if (card.unit) parts.push(`Unit: ${card.unit}.`);
  if (card.notes) parts.push(card.notes);
  if (card.source) parts.push(`Source: ${card.source}.`);
  return parts.join(' ');
}
