package uk.socialprescribing.outcomes.metrics;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;

/** The mean of a sample of changes with its 95% confidence interval (Student's t), rounded to two places. */
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
            return new MeanWithInterval(1, round(mean), null, null);
        }
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(squares / (n - 1));
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        return new MeanWithInterval(n, round(mean), round(mean - half), round(mean + half));
    }

    public static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
