// Why a round ended, as every screen and the stored round name it: the rules end a round on
// time or on collapse (GameState.ended); a hosted round may also be ended by its host.
import type { EndReason } from "./state.js";

export type RoundEnd = Exclude<EndReason, ""> | "host";
export const ROUND_ENDS: readonly RoundEnd[] = ["time", "collapse", "host"];
