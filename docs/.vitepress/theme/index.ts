// The default theme, plus the Redoc-based HTTP API reference and the page's repository path in the footer.
import type { Theme } from "vitepress";
import DefaultTheme from "vitepress/theme";
import { h } from "vue";
import ApiReference from "./ApiReference.vue";
import SourcePath from "./SourcePath.vue";
import "./custom.css";

export default {
  extends: DefaultTheme,
  Layout: () => h(DefaultTheme.Layout, null, { "doc-footer-before": () => h(SourcePath) }),
  enhanceApp({ app }) {
    app.component("ApiReference", ApiReference);
  },
} satisfies Theme;
