import type { UnitKind } from '../plan/schema.ts';

/**
 * A reporting unit (đơn vị): a ward (phường), a commune (xã) or a city agency.
 * Wards and communes carry their General Statistics Office (GSO) code; agencies a code the city
 * chooses (letters allowed).
 */
export interface Unit {
  code: string;
  /** Name without the kind prefix, NFC, e.g. "Trần Phú". */
  name: string;
  kind: UnitKind;
  /** Position in the official order (1-based); tables list units in this order. */
  order: number;
}

/** A list of units valid on a date (GSO codes are reused after reorganisations). */
export interface UnitRegistry {
  id: string;
  /** ISO date from which the list is valid. */
  validFrom: string;
  /** ISO date until which it is valid (exclusive), if known. */
  validUntil?: string;
  units: Unit[];
}
