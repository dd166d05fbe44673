// The order every leaderboard shows, on every screen: praise, highest first, and on a tie the
// earlier seat (so two players with equal praise never swap places from one patch to the next).

/** The players in leaderboard order (a sorted copy). */
export function leaderboardOrder<P extends { seat: number; praise: number }>(players: readonly P[]): P[] {
  return players.slice().sort((a, b) => b.praise - a.praise || a.seat - b.seat);
}
