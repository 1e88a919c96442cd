/** Detected F1 = ∪ over F0 of their contacts, minus the F0 set; each person once. */
export function detectedF1<P>(f0: Iterable<P>, contactsOf: (index: P) => Iterable<P>): Set<P> {
  const f0Set = new Set(f0);
  const out = new Set<P>();
  for (const index of f0Set) for (const c of contactsOf(index)) if (!f0Set.has(c)) out.add(c);
  return out;
}

/** Detected F2 = ∪ over detected F1 of their contacts, minus F0 and detected F1. */
export function detectedF2<P>(
  f0: Iterable<P>,
  f1: Iterable<P>,
  contactsOf: (index: P) => Iterable<P>,
): Set<P> {
  const f0Set = new Set(f0);
  const f1Set = new Set(f1);
  const out = new Set<P>();
  for (const index of f1Set) {
    for (const c of contactsOf(index)) if (!f0Set.has(c) && !f1Set.has(c)) out.add(c);
  }
  return out;
}
