import type { CellRef, Message } from '../finding.ts';
import type { ScoringComponent } from '../plan/schema.ts';

/** Points one profile component gave a unit, with the reason and the cells behind them. */
export interface ComponentScore {
  type: ScoringComponent['type'];
  label: Message;
  /** Points awarded, on the profile's scale. */
  points: number;
  /** Points available. */
  max: number;
  /** Why, e.g. "7/8 chỉ tiêu đạt (87,5%) < 90% → 0 điểm". */
  detail: Message;
  sources: CellRef[];
}

/** A unit's score under one profile. */
export interface UnitScore {
  profileId: string;
  /** Total points, rounded to 2 decimals, on the profile's `scale`. */
  score: number;
  scale: number;
  band: Message;
  components: ComponentScore[];
}
