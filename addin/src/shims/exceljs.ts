/**
 * Stand-in for `exceljs` in the add-in bundle (vite alias). The add-in imports only constants
 * from `@cchc-kpi/xlsx`'s writer modules; exceljs itself is Node-oriented and never runs in the
 * task pane. Any use throws a clear error instead of pulling a megabyte of code into the pane.
 */
const unavailable = new Proxy(
  {},
  {
    get(_target, property) {
      if (property === '__esModule' || property === 'then' || typeof property === 'symbol') return undefined;
      throw new Error(`exceljs is not available in the Excel add-in (tried to use exceljs.${String(property)})`);
    },
  },
);

export default unavailable;
