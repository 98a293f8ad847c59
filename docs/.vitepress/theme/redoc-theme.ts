// Redoc options and colours matching the VitePress theme (custom.css). Redoc derives shades from these with
// `polished`, so they are concrete colours, not CSS variables.

const FONT = 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", sans-serif';
const MONO = 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace';

interface Palette {
  primary: string;
  text: string;
  textSecondary: string;
  background: string;
  sidebar: string;
  border: string;
  code: string;
  nested: string;
}

const LIGHT: Palette = {
  primary: "#2b59c3",
  text: "#3c3c43",
  textSecondary: "#67676c",
  background: "#ffffff",
  sidebar: "#f6f6f7",
  border: "#e2e2e3",
  code: "#f1f1f3",
  nested: "#fafafa",
};

const DARK: Palette = {
  primary: "#8aa4f0",
  text: "#dfdfd6",
  textSecondary: "#98989f",
  background: "#1b1b1f",
  sidebar: "#161618",
  border: "#3c3f44",
  code: "#2b2b30",
  nested: "#202127",
};

function theme(palette: Palette, dark: boolean) {
  return {
    colors: {
      primary: { main: palette.primary },
      text: { primary: palette.text, secondary: palette.textSecondary },
      border: { dark: palette.border, light: palette.border },
      gray: { 50: palette.sidebar, 100: palette.nested },
    },
    typography: {
      fontFamily: FONT,
      fontSize: "15px",
      lineHeight: "1.6",
      headings: { fontFamily: FONT, fontWeight: "600" },
      code: {
        fontFamily: MONO,
        fontSize: "13px",
        backgroundColor: palette.code,
        color: palette.text,
        wrap: true,
      },
      links: { color: palette.primary, visited: palette.primary, hover: palette.primary },
    },
    schema: {
      nestedBackground: palette.nested,
      linesColor: palette.border,
      typeNameColor: palette.textSecondary,
      typeTitleColor: palette.text,
    },
    sidebar: {
      backgroundColor: palette.sidebar,
      textColor: palette.text,
      activeTextColor: palette.primary,
      width: "260px",
    },
    rightPanel: { backgroundColor: dark ? "#161618" : "#263238", textColor: "#ffffff", width: "40%" },
    codeBlock: { backgroundColor: dark ? "#0f0f11" : "#11171a" },
    fab: { backgroundColor: palette.primary, color: "#ffffff" },
  };
}

/**
 * VitePress's top bar is fixed on wide screens and scrolls away on phones: Redoc keeps its sticky menu and scroll
 * targets below it only when it stays.
 */
function navHeight(): number {
  const nav = document.querySelector(".VPNav");
  if (!nav || getComputedStyle(nav).position !== "fixed") return 0;
  return nav.getBoundingClientRect().height;
}

export function redocOptions(dark: boolean): object {
  return {
    theme: theme(dark ? DARK : LIGHT, dark),
    scrollYOffset: navHeight,
    nativeScrollbars: true,
    // The spec is ours, but its Markdown is rendered as HTML: sanitize it anyway.
    sanitize: true,
    expandResponses: "200,201",
    jsonSampleExpandLevel: 3,
    hideHostname: false,
    pathInMiddlePanel: true,
    requiredPropsFirst: true,
  };
}
