// Closures as text an admin edits, one per line: a date or a range, then the reason, e.g.
// "2027-05-27 Fronleichnam" or "2027-08-02..2027-08-13 Sommerpause".
export function closures_text(closures = []) {
  return closures.map((c) => `${c.first === c.last ? c.first : `${c.first}..${c.last}`}${c.reason ? ` ${c.reason}` : ''}`)
    .join('\n');
}

export function parse_closures(text) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const [range, ...reason] = line.split(/\s+/);
    const [first, last] = range.split('..');
    return {first, last: last || first, reason: reason.join(' ')};
  });
}
