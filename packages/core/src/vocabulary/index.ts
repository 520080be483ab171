/**
 * The Vietnamese vocabulary officers read, in one module: status and severity words, unit names
 * and how units are addressed, period names, the two date styles, document headings, sheet
 * names and table headers, figures in the Vietnamese number style, and how the basis of a target,
 * weight, band or deadline is printed. Builders of workbooks and pages take their words from here.
 */
export * from './words.ts';
export * from './findings.ts';
export * from './dates.ts';
export * from './units.ts';
export * from './periods.ts';
export * from './headings.ts';
export * from './sheets.ts';
export * from './basis.ts';
export * from './figures.ts';
export * from './documents.ts';
