// The model card as markdown and as an HTML fragment (escaped text, simple tables).
import type { RiskModelCard } from './risk-card.js';

/**
 * The card as markdown: headed sections with the skill, a calibration table, group gaps and lists.
 * @example console.log(riskModelCardMarkdown(card))
 */
export function riskModelCardMarkdown(card: RiskModelCard): string {
  const f = (x: number | null, d = 3) => (x === null ? '—' : x.toFixed(d));
  const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);
  const lines = [
    `# ${card.title}`,
    '',
    `**Purpose.** ${card.purpose}`,
    '',
    `**Data.** ${card.data.description}. Fitted on ${card.data.rows} rows (${card.data.people} people, ${card.data.events} leavers)${card.data.horizon_months ? `; outcome: voluntary resignation within ${card.data.horizon_months} months` : ''}.`,
    '',
    `**Model.** ${card.model.kind}. Inputs: ${card.model.inputs.join('; ')}.${card.model.dropped.length ? ` Dropped: ${card.model.dropped.map((d) => `${d.name} (${d.reason})`).join('; ')}.` : ''}`,
    '',
    `**Validation.** ${card.scheme.description}`,
    '',
    `**Skill on unseen data.** AUC ${f(card.skill.auc)}${card.skill.concordance === null ? '' : `, concordance ${f(card.skill.concordance)}`}; Brier score ${f(card.skill.brier, 4)} (always predicting the base rate: ${f(card.skill.brier_reference, 4)}); ${card.skill.test_rows} rows, ${card.skill.test_people} people, ${card.skill.test_events} leavers.`,
    '',
    '| decile | rows | predicted | observed |',
    '| --- | --- | --- | --- |',
    ...card.calibration.map(
      (c) => `| ${c.decile} | ${c.rows} | ${pct(c.mean_predicted)} | ${pct(c.observed_rate)} |`,
    ),
    '',
    '| group | people | AUC | Brier | predicted | observed |',
    '| --- | --- | --- | --- | --- | --- |',
    ...card.groups.map(
      (g) =>
        `| ${g.dimension}: ${g.group} | ${g.people} | ${f(g.auc)} | ${f(g.brier, 4)} | ${pct(g.mean_predicted)} | ${pct(g.observed_rate)}${g.note ? ` (${g.note})` : ''} |`,
    ),
    '',
    ...card.gaps.map(
      (g) =>
        `- Gap across ${g.dimension} (${g.groups_reported} groups reported): AUC ${f(g.auc_gap)}, Brier ${f(g.brier_gap, 4)}, calibration ${pct(g.calibration_gap)}.`,
    ),
  ];
  if (card.ph_check) {
    lines.push(
      '',
      `**Proportional hazards (cox.zph).** ${card.ph_check.map((z) => `${z.term} p = ${f(z.p_value)}`).join('; ')}.`,
    );
  }
  lines.push(
    '',
    '**Limits.**',
    ...card.limits.map((l) => `- ${l}`),
    '',
    '**Must not be used for.**',
    ...card.must_not_be_used_for.map((l) => `- ${l}`),
  );
  return lines.join('\n');
}

/**
 * The card as a self-contained HTML fragment (escaped text, simple tables) for notebooks and reports.
 * @example display({ 'text/html': riskModelCardHtml(card) })
 */
export function riskModelCardHtml(card: RiskModelCard): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const inline = (s: string) => esc(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
  const out: string[] = ['<div class="wbk-model-card">'];
  let table: string[] | null = null;
  for (const line of riskModelCardMarkdown(card).split('\n')) {
    if (line.startsWith('|')) {
      if (/^\| ---/.test(line)) continue;
      const cells = line
        .slice(1, -1)
        .split('|')
        .map((c) => inline(c.trim()));
      const tag = table === null ? 'th' : 'td';
      table ??= [];
      table.push(`<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`);
      continue;
    }
    if (table !== null) {
      out.push(`<table>${table.join('')}</table>`);
      table = null;
    }
    if (line.startsWith('# ')) out.push(`<h3>${inline(line.slice(2))}</h3>`);
    else if (line.startsWith('- ')) out.push(`<li>${inline(line.slice(2))}</li>`);
    else if (line !== '') out.push(`<p>${inline(line)}</p>`);
  }
  if (table !== null) out.push(`<table>${table.join('')}</table>`);
  out.push('</div>');
  return out.join('\n');
}
