/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A fraction as a signed percentage: 0.0123 -> `+1.23%`. */
export function formatPercent(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return x > 0 ? '+inf' : x < 0 ? '-inf' : 'n/a';
  const s = (x * 100).toFixed(digits);
  return `${x > 0 ? '+' : ''}${s}%`;
}

/** A fraction as an unsigned percentage (rates, shares): 0.512 -> `51.2%`. */
export function formatRate(x: number, digits = 1): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : 'n/a';
}

/** A plain number with a fixed count of significant digits, `n/a` when not finite. */
export function formatNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : x < 0 ? '-inf' : 'n/a';
  if (Number.isInteger(x)) return String(x);
  return Number(x.toPrecision(digits)).toString();
}

/** Ms UTC as `YYYY-MM-DD HH:MM` UTC. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
