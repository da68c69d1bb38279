/**
 * A light English stemmer (plural -s/-ies/-sses, -ing, -ed) for the English words patients mix
 * into Chinese and romanised Hindi: lighter than Porter, so romanised Hindi words ("dawaiyan",
 * "bukhar") are not cut by English rules.
 */
export function lightEnglishStem(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3).replace(/(.)\1$/, '$1');
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2).replace(/(.)\1$/, '$1');
  return w;
}
