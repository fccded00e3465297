// Figures recorded under a bare local code (`cmp-IKU-4-2024`) before keys were qualified do not
// say whose they are. Two facts of their metadata can: a user working in an OPD recorded them,
// or the import that recorded them also recorded an OPD's realizations of that year (the
// realisasi template's Pembanding sheet travels with one OPD's rows, under one correlation id).
// A figure typed by a province user outside any such import names no OPD.

/** The metadata of an old figure that can name its owner. */
export interface LegacyFigureOrigin {
  correlationId: string;
  actorScope: { level: string; code: string };
}

/** The OPDs an old bare-key figure belongs to (sorted; none or several are not guessed at). */
export function legacyComparisonOwners(
  origin: LegacyFigureOrigin,
  /** The OPDs whose realizations of the figure's year were recorded under each correlation id. */
  realizationsByCorrelation: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  const owners = new Set(realizationsByCorrelation.get(origin.correlationId) ?? []);
  if (origin.actorScope.level === 'opd') owners.add(origin.actorScope.code);
  return [...owners].sort();
}
