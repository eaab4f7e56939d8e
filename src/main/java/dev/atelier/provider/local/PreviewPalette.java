package dev.atelier.provider.local;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


/** Colours for a preview: the colour words of the prompt first, then the scene's own palette. */
final class PreviewPalette {

    private static final Map<String, Color> NAMED = new LinkedHashMap<>();

    static {
        NAMED.put("red", new Color(0xD1, 0x3B, 0x3B));
        NAMED.put("crimson", new Color(0xA3, 0x1A, 0x2E));
        NAMED.put("orange", new Color(0xF2, 0x8C, 0x28));
        NAMED.put("yellow", new Color(0xF5, 0xD0, 0x3B));
        NAMED.put("gold", new Color(0xD4, 0xA5, 0x37));
        NAMED.put("golden", new Color(0xE0, 0xB0, 0x4A));
        NAMED.put("green", new Color(0x3E, 0x9B, 0x4F));
        NAMED.put("teal", new Color(0x1F, 0x8A, 0x8A));
        NAMED.put("blue", new Color(0x2F, 0x6F, 0xD6));
        NAMED.put("navy", new Color(0x1B, 0x2A, 0x5C));
        NAMED.put("purple", new Color(0x7E, 0x4C, 0xC2));
        NAMED.put("violet", new Color(0x8F, 0x5F, 0xE0));
        NAMED.put("pink", new Color(0xF2, 0x8C, 0xB8));
        NAMED.put("brown", new Color(0x7A, 0x4E, 0x2D));
        NAMED.put("black", new Color(0x1A, 0x1A, 0x1F));
        NAMED.put("white", new Color(0xF4, 0xF4, 0xF0));
        NAMED.put("gray", new Color(0x8A, 0x8D, 0x93));
        NAMED.put("grey", new Color(0x8A, 0x8D, 0x93));
        NAMED.put("silver", new Color(0xC0, 0xC4, 0xCC));
        NAMED.put("sunset", new Color(0xF2, 0x6B, 0x3A));
        NAMED.put("night", new Color(0x14, 0x1B, 0x3A));
        NAMED.put("snow", new Color(0xEE, 0xF3, 0xF8));
        NAMED.put("forest", new Color(0x24, 0x5E, 0x34));
        NAMED.put("ocean", new Color(0x1D, 0x5F, 0x9E));
        NAMED.put("빨간", new Color(0xD1, 0x3B, 0x3B));
        NAMED.put("파란", new Color(0x2F, 0x6F, 0xD6));
        NAMED.put("노란", new Color(0xF5, 0xD0, 0x3B));
        NAMED.put("초록", new Color(0x3E, 0x9B, 0x4F));
        NAMED.put("검은", new Color(0x1A, 0x1A, 0x1F));
        NAMED.put("하얀", new Color(0xF4, 0xF4, 0xF0));
        NAMED.put("비", new Color(0x4A, 0x5A, 0x6E));
        NAMED.put("밤", new Color(0x14, 0x1B, 0x3A));
    }

    private static final Map<PreviewScene, int[]> CATEGORY = Map.of(
            PreviewScene.PORTRAIT, new int[] { 0xE8C4A8, 0x6B4E3D, 0xB98B73, 0x2E3440 },
            PreviewScene.LANDSCAPE, new int[] { 0x87B8E0, 0xF2B36B, 0x4F7A4A, 0x2F4858 },
            PreviewScene.ANIMAL, new int[] { 0xC98B4F, 0x8FB573, 0xF3E3C3, 0x4A3B2F },
            PreviewScene.FOOD, new int[] { 0xF4EDE4, 0xE2583E, 0x7FB069, 0xF2C14E },
            PreviewScene.PRODUCT, new int[] { 0xECEFF4, 0x4C566A, 0x88C0D0, 0xD8DEE9 },
            PreviewScene.ARCHITECTURE, new int[] { 0xD8D2C4, 0x5E6472, 0xA3B18A, 0x2B2D42 },
            PreviewScene.ABSTRACT, new int[] { 0x5F0F40, 0xFB8B24, 0x0F4C5C, 0xE36414 },
            PreviewScene.ART, new int[] { 0xF6E7CB, 0xDD9787, 0x2E86AB, 0xA23B72 });

    private PreviewPalette() {
    }

    static List<Color> of(String prompt, PreviewScene scene) {
        List<Color> colors = new ArrayList<>();
        String lower = prompt.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Color> named : NAMED.entrySet()) {
            if (containsWord(lower, named.getKey()) && !colors.contains(named.getValue())) {
                colors.add(named.getValue());
            }
        }
        for (int rgb : CATEGORY.get(scene)) {
            colors.add(new Color(rgb));
        }
        return colors;
    }

    private static boolean containsWord(String text, String word) {
        int at = text.indexOf(word);
        while (at >= 0) {
            boolean start = at == 0 || !Character.isLetter(text.charAt(at - 1));
            int end = at + word.length();
            boolean hangul = Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.HANGUL;
            boolean stop = hangul || end >= text.length() || !Character.isLetter(text.charAt(end));
            if (start && stop) {
                return true;
            }
            at = text.indexOf(word, at + 1);
        }
        return false;
    }
}
