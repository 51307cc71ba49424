package dev.greenlight.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart of one metric over the periods, laid out here and drawn as SVG by the page's template: no JavaScript, a
 * title and description for screen readers, and the table below it as the fallback.
 */
public record Chart(String id, String title, String description, List<Bar> bars, Double targetY, String targetLabel,
        String maxLabel) {
    static final int WIDTH = 640;
    static final int HEIGHT = 180;
    static final int LEFT = 48;
    static final int TOP = 10;
    static final int BOTTOM = 30;

    /** One period's bar; {@code height} 0 and {@code noData} for a period without data. */
    public record Bar(double x, double y, double width, double height, String fill, String label, String tooltip,
            boolean noData, boolean showLabel) {
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int top() {
        return TOP;
    }

    public int baseline() {
        return HEIGHT - BOTTOM;
    }

    public int axisLabelX() {
        return LEFT - 4;
    }

    public int maxLabelY() {
        return TOP + 8;
    }

    public int labelY() {
        return HEIGHT - 12;
    }

    public int targetTextX() {
        return WIDTH - 2;
    }

    public double targetTextY() {
        return targetY == null ? 0 : targetY - 3;
    }

    static Chart of(String key, List<MetricsReport.Period> periods, BigDecimal target, boolean dora) {
        List<Figure> figures = periods.stream().map(p -> find(p, key, dora)).toList();
        Figure any = figures.get(0);
        double max = target == null ? 0 : target.doubleValue();
        for (Figure f : figures) {
            if (f.value() != null) {
                max = Math.max(max, f.value().doubleValue());
            }
        }
        max = max <= 0 ? 1 : max * 1.1;
        double plotHeight = HEIGHT - BOTTOM - TOP;
        double slot = (double) (WIDTH - LEFT) / periods.size();
        double barWidth = Math.max(2, slot * 0.7);
        // at most about twelve labels under the bars, so that they never overlap
        int labelEvery = Math.max(1, (int) Math.ceil(periods.size() / 12.0));
        List<Bar> bars = new ArrayList<>();
        int noData = 0;
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            String label = periods.get(i).start().toString().substring(5);
            boolean showLabel = i % labelEvery == 0;
            if (f.value() == null) {
                noData++;
                bars.add(new Bar(round(x), HEIGHT - BOTTOM - 2, round(barWidth), 2, "#d0d7de", label,
                        periods.get(i).start() + ": no data", true, showLabel));
                continue;
            }
            double h = f.value().doubleValue() / max * plotHeight;
            String fill = switch (f.verdict()) {
                case PASS -> "#116329";
                case FAIL -> "#b3261e";
                default -> "#0550ae";
            };
            bars.add(new Bar(round(x), round(HEIGHT - BOTTOM - h), round(barWidth), round(h), fill, label,
                    periods.get(i).start() + ": " + f.value().toPlainString() + " " + f.unit() + " ("
                            + f.verdict().name().toLowerCase().replace('_', ' ') + ")",
                    false, showLabel));
        }
        Double targetY = target == null ? null : round(HEIGHT - BOTTOM - target.doubleValue() / max * plotHeight);
        String description = any.label() + " per period from " + periods.get(0).start() + " to "
                + periods.get(periods.size() - 1).start() + (target == null ? "" : ", target " + any.target())
                + "; " + (figures.size() - noData) + " periods with data, " + noData + " without.";
        return new Chart("chart-" + key, any.label() + " (" + any.unit() + ")", description, bars, targetY,
                target == null ? null : "target " + any.target(),
                BigDecimal.valueOf(max).setScale(max < 10 ? 2 : 0, RoundingMode.HALF_UP).toPlainString());
    }

    private static Figure find(MetricsReport.Period period, String key, boolean dora) {
        return (dora ? period.dora() : period.policy()).stream()
                .filter(f -> f.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
