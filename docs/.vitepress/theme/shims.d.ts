// The theme's single-file components, for tsc (which does not read .vue files; vitepress build compiles them).
declare module "*.vue" {
  import type { DefineComponent } from "vue";
  const component: DefineComponent;
  export default component;
}
