package dev.atelier.provider;

import java.util.List;

/** Picks the supported aspect ratio ("16:9") closest to a requested width and height. */
public final class AspectRatios {

    private AspectRatios() {
    }

    public static String nearest(List<String> ratios, int width, int height) {
        double wanted = Math.log((double) width / height);
        String best = ratios.get(0);
        double bestDistance = Double.MAX_VALUE;
        for (String ratio : ratios) {
            String[] parts = ratio.split("[:x]");
            double distance = Math.abs(Math.log(Double.parseDouble(parts[0]) / Double.parseDouble(parts[1])) - wanted);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = ratio;
            }
        }
        return best;
    }
}
