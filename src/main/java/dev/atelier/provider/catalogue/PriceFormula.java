package dev.atelier.provider.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import dev.atelier.provider.TokenUsage;

/**
 * How one model is priced, in the vendor's own terms. Estimates (before a call) and actual costs (from the
 * vendor's usage, when it reports one) use the same formula.
 *
 * @param kind                  how the vendor bills
 * @param perImage              USD per image by the vendor's price key (see {@link #estimate}), and
 *                              {@code default}; for PER_TOKEN an optional published table that wins over the
 *                              token estimate
 * @param textInputPerMillion   USD per million prompt text tokens (PER_TOKEN)
 * @param imageInputPerMillion  USD per million input image tokens (PER_TOKEN)
 * @param imageOutputPerMillion USD per million output image tokens (PER_TOKEN)
 * @param textOutputPerMillion  USD per million output text tokens (PER_TOKEN; Gemini's thinking and captions)
 * @param imageTokens           the vendor's documented output tokens per image by price key (PER_TOKEN)
 * @param promptTokens          the prompt tokens an estimate assumes (PER_TOKEN)
 * @param credits               credits per image (PER_CREDIT)
 * @param usdPerCredit          USD per credit (PER_CREDIT)
 * @param usdPerImage           USD per image (FREE: what the operator charges for a self-hosted image; 0 = free)
 */
public record PriceFormula(PriceKind kind, Map<String, BigDecimal> perImage, BigDecimal textInputPerMillion,
        BigDecimal imageInputPerMillion, BigDecimal imageOutputPerMillion, BigDecimal textOutputPerMillion,
        Map<String, Long> imageTokens, Long promptTokens, BigDecimal credits, BigDecimal usdPerCredit,
        BigDecimal usdPerImage) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public PriceFormula {
        kind = kind == null ? PriceKind.FREE : kind;
        perImage = perImage == null ? Map.of() : Map.copyOf(perImage);
        imageTokens = imageTokens == null ? Map.of() : Map.copyOf(imageTokens);
    }

    public static final PriceFormula FREE = new PriceFormula(PriceKind.FREE, null, null, null, null, null, null, null,
            null, null, BigDecimal.ZERO);

    /**
     * The expected price of {@code count} images; {@code key} names the variant the vendor prices, in its own
     * terms: {@code <quality>.<size>} for OpenAI ("medium.1024x1024"), the image size class for Gemini ("1K"). The
     * published table wins where it has the key, then the formula, then the table's {@code default}; null when
     * nothing prices it.
     */
    public BigDecimal estimate(String key, int count) {
        BigDecimal unit = perImage.get(key);
        if (unit == null) {
            unit = switch (kind) {
                case PER_IMAGE -> null;
                case PER_TOKEN -> tokenEstimate(key);
                case PER_CREDIT -> credits == null ? null
                        : credits.multiply(usdPerCredit == null ? new BigDecimal("0.01") : usdPerCredit);
                case FREE -> usdPerImage == null ? BigDecimal.ZERO : usdPerImage;
            };
        }
        if (unit == null) {
            unit = perImage.get("default");
        }
        return unit == null ? null : unit.multiply(BigDecimal.valueOf(count)).setScale(6, RoundingMode.HALF_UP);
    }

    private BigDecimal tokenEstimate(String key) {
        Long tokens = imageTokens.get(key);
        if (tokens == null || imageOutputPerMillion == null) {
            return null;
        }
        BigDecimal out = BigDecimal.valueOf(tokens).multiply(imageOutputPerMillion);
        BigDecimal in = promptTokens == null || textInputPerMillion == null ? BigDecimal.ZERO
                : BigDecimal.valueOf(promptTokens).multiply(textInputPerMillion);
        return out.add(in).divide(MILLION, 6, RoundingMode.HALF_UP);
    }

    /** The bill for a generation from the vendor's reported usage; null when this model is not billed by tokens. */
    public BigDecimal actual(TokenUsage usage) {
        if (kind != PriceKind.PER_TOKEN || usage == null) {
            return null;
        }
        BigDecimal total = times(usage.textInput(), textInputPerMillion)
                .add(times(usage.imageInput(), imageInputPerMillion == null ? textInputPerMillion : imageInputPerMillion))
                .add(times(usage.imageOutput(), imageOutputPerMillion))
                .add(times(usage.textOutput(), textOutputPerMillion));
        return total.divide(MILLION, 6, RoundingMode.HALF_UP);
    }

    private static BigDecimal times(long tokens, BigDecimal perMillion) {
        return perMillion == null || tokens == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(tokens).multiply(perMillion);
    }

    /** The same formula with an operator's token prices where given (a negotiated rate); null keeps the catalogue's. */
    public PriceFormula withTokenPrices(BigDecimal textInput, BigDecimal imageOutput) {
        return new PriceFormula(kind, perImage, textInput != null ? textInput : textInputPerMillion, imageInputPerMillion,
                imageOutput != null ? imageOutput : imageOutputPerMillion, textOutputPerMillion, imageTokens, promptTokens,
                credits, usdPerCredit, usdPerImage);
    }

    /** A short human description ("tokens: 5.00 in / 30.00 image out per 1M"). */
    public String describe() {
        return switch (kind) {
            case PER_IMAGE -> "per image: " + perImage.size() + " listed quality/size prices";
            case PER_TOKEN -> "tokens per 1M (USD): text in " + plain(textInputPerMillion) + ", image in "
                    + plain(imageInputPerMillion) + ", image out " + plain(imageOutputPerMillion);
            case PER_CREDIT -> plain(credits) + " credits per image";
            case FREE -> usdPerImage == null || usdPerImage.signum() == 0 ? "free (self-hosted)"
                    : plain(usdPerImage) + " USD per image (operator's rate)";
        };
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }
}
