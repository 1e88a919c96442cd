import { describe, expect, it } from "vitest";
import { LANGS, placeholders, STRINGS, t } from "../src/i18n.js";

describe("i18n", () => {
  it("every language has every key, non-empty, with the same placeholders", () => {
    const keys = Object.keys(STRINGS.vi).sort();
    for (const lang of LANGS) {
      expect(Object.keys(STRINGS[lang]).sort()).toEqual(keys);
      for (const key of keys) {
        const text = STRINGS[lang][key as keyof typeof STRINGS.vi];
        expect(text.trim(), `${lang} ${key}`).not.toBe("");
        expect(placeholders(text), `${lang} ${key}`).toEqual(
          placeholders(STRINGS.vi[key as keyof typeof STRINGS.vi]),
        );
      }
    }
  });

  it("Vietnamese and English differ where words are shown", () => {
    expect(STRINGS.vi["chart.title"]).not.toBe(STRINGS.en["chart.title"]);
    expect(STRINGS.vi["app.title"]).toMatch(/Bluezone/);
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("en", "summary.of", { n: 12 })).toBe("of 12");
    expect(t("vi", "summary.of", { n: 12 })).toBe("trên 12");
    expect(t("en", "summary.of")).toBe("of {n}");
  });
});
