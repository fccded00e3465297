// Noto Sans (SIL OFL) from an npm package, so every machine renders the same glyphs: the PDF
// embeds a subset, the chart images are drawn with it, and no system font is consulted.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));

export const FONT_FILES = {
  regular: join(root, '400Regular/NotoSans_400Regular.ttf'),
  bold: join(root, '700Bold/NotoSans_700Bold.ttf'),
  italic: join(root, '400Regular_Italic/NotoSans_400Regular_Italic.ttf'),
} as const;

let cache: Record<keyof typeof FONT_FILES, Buffer> | null = null;

export function fontBytes(): Record<keyof typeof FONT_FILES, Buffer> {
  cache ??= {
    regular: readFileSync(FONT_FILES.regular),
    bold: readFileSync(FONT_FILES.bold),
    italic: readFileSync(FONT_FILES.italic),
  };
  return cache;
}
