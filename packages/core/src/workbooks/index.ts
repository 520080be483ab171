/**
 * Builders of every workbook we write, as models (`book/model.ts`) that renderers write: the
 * report template, the consolidated workbook, the feedback to a unit and the add-in's score
 * results. One module per sheet or concern; layouts and sheet names live with them.
 */
export * from './template/index.ts';
export * from './consolidated/index.ts';
export * from './feedback.ts';
export * from './results.ts';
