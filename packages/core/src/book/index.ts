/** The workbook model (plain data), its palette, the row-height estimator and print helpers. */
export * from './model.ts';
export * from './palette.ts';
export * from './text-lines.ts';
export * from './heights.ts';
export * from './rows.ts';
export * from './print.ts';
export * from './sheet-name.ts';
