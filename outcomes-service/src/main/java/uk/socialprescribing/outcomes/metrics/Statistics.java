package uk.socialprescribing.outcomes.metrics;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of a sample of changes with its 95% confidence interval (Student's t), unrounded: a table rounds what it
 * publishes, once (rounded twice, 2.4496 would be 2.45 and then 2.5).
 */
public final class Statistics {

    public record MeanWithInterval(int n, Double mean, Double low, Double high) {
    }

    private Statistics() {
    }

    public static MeanWithInterval meanWithInterval(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return new MeanWithInterval(0, null, null, null);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        if (n == 1) {
            return new MeanWithInterval(1, mean, null, null);
        }
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(squares / (n - 1));
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        return new MeanWithInterval(n, mean, mean - half, mean + half);
    }

    /** To two decimal places, as the whole area's figures are published. */
    public static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
