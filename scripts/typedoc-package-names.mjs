// @ts-check
// A TypeDoc plugin: names each entry point's module after the package export it documents
// (`xlsx/src/write` → `@cchc-kpi/xlsx/write`) when its file has no `@module` tag of its own.
import { Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const match = /^(core|xlsx|docx|cli)\/src(?:\/(.+))?$/.exec(module.name);
      if (match) module.name = `@cchc-kpi/${match[1]}${match[2] ? `/${match[2]}` : ''}`;
    }
  });
}
