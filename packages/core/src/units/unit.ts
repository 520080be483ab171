import type { UnitKind } from '../plan/schema.ts';

/**
 * A reporting unit (đơn vị): a ward (phường), a commune (xã) or a city agency.
 * Wards and communes carry their General Statistics Office (GSO) code; agencies a code the city
 * chooses (letters allowed).
 */
export interface Unit {
  code: string;
  /**
   * Who assigned the code, when the registry says: `gso` (the General Statistics Office's list of
   * administrative units) or `city` (a code the city chose, e.g. `TTVHTT` for an agency).
   */
  codeAssignedBy?: 'gso' | 'city';
  /** Name without the kind prefix, NFC, e.g. "Trần Phú". */
  name: string;
  kind: UnitKind;
  /** Position in the official order (1-based); tables list units in this order. */
  order: number;
}

/**
 * A list of units valid over a span of dates (GSO codes are reused after reorganisations, so a
 * registry names the right units only within its dates).
 */
export interface UnitRegistry {
  id: string;
  /** ISO date from which the list is valid (inclusive). */
  validFrom: string;
  /** ISO date of the last day the list is valid (inclusive), if known. */
  validTo?: string;
  /** Where the dates come from, in Vietnamese: the act that made the units (`from`) and the one that ended them (`to`). */
  validityBasis?: { from?: string; to?: string };
  units: Unit[];
}
