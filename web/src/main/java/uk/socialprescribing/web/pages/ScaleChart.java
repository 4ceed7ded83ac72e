package uk.socialprescribing.web.pages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import uk.socialprescribing.web.api.Outcomes;

/**
 * One scale of a person's outcome measures over time, drawn on the server as SVG (readable without JavaScript, no
 * inline style): each measure a point in the order they were completed, the line a later measure must reach to count as
 * a meaningful improvement, and the same figures for its table. Geometry is worked out here so that the template only
 * places what it is given.
 */
public record ScaleChart(String id, String name, String direction, List<Point> points, List<Tick> ticks, Outcomes.Target target,
        Outcomes.Change change, Double targetY, String line, String summary) {

    /** The words beside the line for a meaningful improvement. */
    public String targetLabel() {
        return target == null || target.improvedAt() == null ? ""
                : "Meaningful improvement: " + Formats.plain(target.improvedAt()) + (target.higherIsBetter() ? " or more" : " or less");
    }

    /** Whether the table shows ONS bands (the ONS4 items only). */
    public boolean banded() {
        return points.stream().anyMatch(p -> p.band() != null);
    }

    /** A scale's name, its range and which way is better. */
    public record Scale(String code, String name, int min, int max, boolean higherIsBetter) {
    }

    /** One measure on the chart, with where it is drawn. */
    public record Point(LocalDate day, String timepoint, BigDecimal value, String band, String recordedBy, double x, double y,
            boolean dayShown) {
    }

    /** A value on the vertical axis and its height. */
    public record Tick(int value, double y) {
    }

    /** Every scale the outcomes API reports, in its order, with its range. */
    public static final List<Scale> SCALES = List.of(
            new Scale("SWEMWBS", "Mental wellbeing (SWEMWBS metric score, 7 to 35)", 7, 35, true),
            new Scale("WEMWBS", "Mental wellbeing (WEMWBS score, 14 to 70)", 14, 70, true),
            new Scale("UCLA3", "Loneliness (UCLA3 score, 3 to 9)", 3, 9, false),
            new Scale("ONS4.life_satisfaction", "Life satisfaction (ONS4, 0 to 10)", 0, 10, true),
            new Scale("ONS4.worthwhile", "Feeling that what they do is worthwhile (ONS4, 0 to 10)", 0, 10, true),
            new Scale("ONS4.happiness", "Happiness yesterday (ONS4, 0 to 10)", 0, 10, true),
            new Scale("ONS4.anxiety", "Anxiety yesterday (ONS4, 0 to 10)", 0, 10, false));

    /** The drawing area inside the SVG's 640 × 260 view box. */
    static final double LEFT = 56, RIGHT = 620, TOP = 16, BOTTOM = 220;

    /** Each scale this case has a measure on, charted. */
    public static List<ScaleChart> of(Outcomes.CaseMeasures measures) {
        List<ScaleChart> charts = new ArrayList<>();
        for (Scale scale : SCALES) {
            List<Outcomes.Measurement> on = measures.measurements().stream().filter(m -> valueOn(scale.code(), m) != null).toList();
            if (!on.isEmpty()) {
                charts.add(chart(scale, on, find(measures.targets(), scale.code()), findChange(measures.changes(), scale.code())));
            }
        }
        return charts;
    }

    /** A measure's value on a scale: SWEMWBS, WEMWBS and UCLA3 their score; ONS4 each item apart. */
    static BigDecimal valueOn(String scale, Outcomes.Measurement m) {
        if (scale.startsWith("ONS4.")) {
            if (!"ONS4".equals(m.instrument()) || m.items() == null) {
                return null;
            }
            Integer item = m.items().get(scale.substring("ONS4.".length()));
            return item == null ? null : BigDecimal.valueOf(item);
        }
        return scale.equals(m.instrument()) ? m.score() : null;
    }

    private static ScaleChart chart(Scale scale, List<Outcomes.Measurement> on, Outcomes.Target target, Outcomes.Change change) {
        List<Point> points = new ArrayList<>();
        double step = on.size() == 1 ? 0 : (RIGHT - LEFT - 40) / (on.size() - 1);
        for (int i = 0; i < on.size(); i++) {
            Outcomes.Measurement m = on.get(i);
            BigDecimal value = valueOn(scale.code(), m);
            String band = scale.code().startsWith("ONS4.") && m.bands() != null ? m.bands().get(scale.code().substring(5)) : null;
            double x = on.size() == 1 ? (LEFT + RIGHT) / 2 : LEFT + 20 + i * step;
            points.add(new Point(m.completedOn(), m.timepoint(), value, band, m.recordedBy(), round(x), round(y(scale, value.doubleValue())),
                    on.size() <= 6 || i == 0 || i == on.size() - 1));
        }
        String line = points.stream().map(p -> p.x() + "," + p.y()).collect(Collectors.joining(" "));
        Double targetY = target == null || target.improvedAt() == null ? null : round(y(scale, target.improvedAt().doubleValue()));
        String id = scale.code().toLowerCase(Locale.ROOT).replace('.', '-').replace('_', '-');
        return new ScaleChart(id, scale.name(), scale.higherIsBetter() ? "Higher is better." : "Lower is better.", points, ticks(scale),
                target, change, targetY, line, summary(scale, points, target, change));
    }

    private static String summary(Scale scale, List<Point> points, Outcomes.Target target, Outcomes.Change change) {
        StringBuilder text = new StringBuilder();
        text.append(points.size() == 1 ? "One measure: " : points.size() + " measures, from ");
        Point first = points.get(0);
        Point last = points.get(points.size() - 1);
        text.append(Formats.plain(first.value())).append(" on ").append(Formats.date(first.day()));
        if (points.size() > 1) {
            text.append(" to ").append(Formats.plain(last.value())).append(" on ").append(Formats.date(last.day()));
        }
        text.append(". ");
        if (target != null && target.improvedAt() != null) {
            text.append("A meaningful improvement on the first baseline is ").append(Formats.plain(target.improvedAt()))
                    .append(scale.higherIsBetter() ? " or more. " : " or less. ");
        } else if (target != null) {
            text.append("The baseline leaves no room for a meaningful improvement on this scale. ");
        } else {
            text.append("No baseline yet, so no line for a meaningful improvement. ");
        }
        if (change != null) {
            text.append(change.improved() ? "The latest is a meaningful improvement." : "The latest is not a meaningful improvement.");
        }
        return text.toString().strip();
    }

    private static List<Tick> ticks(Scale scale) {
        int range = scale.max() - scale.min();
        int step = range <= 10 ? (range <= 6 ? 1 : 2) : range <= 30 ? 5 : 10;
        List<Tick> ticks = new ArrayList<>();
        ticks.add(new Tick(scale.min(), round(y(scale, scale.min()))));
        for (int v = (scale.min() / step + 1) * step; v < scale.max(); v += step) {
            if (v - scale.min() >= step / 2.0) {
                ticks.add(new Tick(v, round(y(scale, v))));
            }
        }
        ticks.add(new Tick(scale.max(), round(y(scale, scale.max()))));
        return ticks;
    }

    private static double y(Scale scale, double value) {
        return BOTTOM - (value - scale.min()) / (scale.max() - scale.min()) * (BOTTOM - TOP);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static Outcomes.Target find(List<Outcomes.Target> targets, String scale) {
        return targets == null ? null : targets.stream().filter(t -> scale.equals(t.measure())).findFirst().orElse(null);
    }

    private static Outcomes.Change findChange(List<Outcomes.Change> changes, String scale) {
        return changes == null ? null : changes.stream().filter(c -> scale.equals(c.measure())).findFirst().orElse(null);
    }
}
