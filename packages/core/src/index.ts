/**
 * @cchc-kpi/core — the plan, reports, validation, scoring and consolidation of a CCHC
 * communication plan. Pure: runs in Node, in browsers and in the Excel add-in.
 */
export * from './finding.ts';
export * from './result.ts';
export * from './grid/grid.ts';
export * from './plan/schema.ts';
export * from './units/unit.ts';
export * from './period/types.ts';
export * from './report/model.ts';
export * from './validate/types.ts';
export * from './score/types.ts';
export * from './consolidate/types.ts';
export * from './template/names.ts';
export * from './plan/load.ts';
export * from './plan/builtin.ts';
export * from './plan/applies.ts';
export * from './plan/lookup.ts';
export * from './units/registry.ts';
export * from './units/hatinh-2021.ts';
export * from './period/period.ts';
