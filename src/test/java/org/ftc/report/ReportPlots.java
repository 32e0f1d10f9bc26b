package org.ftc.report;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the plots of {@code reports/} from its CSV files (PNG, 800 x 500):
 * {@code t3u-neurons.png}, {@code t3u-ratio.png}, {@code t3-ratio.png}, {@code mb-worst-case.png}, {@code double-frontier.png}.
 * Run: {@code mvn -B -q test-compile exec:java -Dexec.mainClass=org.ftc.report.ReportPlots}
 * (optional argument: the reports folder). Headless; reads only the committed CSVs.
 */
public final class ReportPlots {
    private ReportPlots() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "reports");
        neurons(dir);
        ratio(dir);
        constructionRatios(dir);
        worstCase(dir);
        frontier(dir);
    }

    /** T3U neurons against sqrt(N), with the certified lower bound (T3L) and the budget B3. */
    static void neurons(Path dir) throws IOException {
        List<Map<String, String>> rows = Csv.read(dir.resolve("t3u-neurons.csv"));
        XYChart chart = chart("T3U neurons against sqrt(N)", "sqrt(N)", "neurons");
        for (String family : List.of("hard", "random")) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (Map<String, String> r : rows) {
                if (!r.get("family").equals(family)) continue;
                x.add(Double.parseDouble(r.get("sqrtN")));
                y.add(Double.parseDouble(r.get("neurons")));
            }
            chart.addSeries("T3U on " + family + " instances", x, y);
        }
        List<Double> x = new ArrayList<>(), lower = new ArrayList<>(), upper = new ArrayList<>();
        for (Map<String, String> r : rows) {
            if (!r.get("family").equals("hard")) continue;
            x.add(Double.parseDouble(r.get("sqrtN")));
            lower.add(Double.parseDouble(r.get("t3l_lower")));
            upper.add(Double.parseDouble(r.get("b3_upper")));
        }
        dashed(chart.addSeries("T3L lower bound (hard instances)", x, lower));
        dashed(chart.addSeries("budget B3(N)", x, upper));
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        save(chart, dir.resolve("t3u-neurons.png"));
    }

    /** T3U count over the T3L lower bound on the hard instances. */
    static void ratio(Path dir) throws IOException {
        List<Map<String, String>> rows = Csv.read(dir.resolve("t3u-ratio.csv"));
        XYChart chart = chart("T3U neurons / T3L lower bound, hard instances", "N", "ratio");
        List<Double> x = new ArrayList<>(), y = new ArrayList<>(), root2 = new ArrayList<>();
        for (Map<String, String> r : rows) {
            x.add(Double.parseDouble(r.get("N")));
            y.add(Double.parseDouble(r.get("ratio")));
            root2.add(Math.sqrt(2));
        }
        chart.addSeries("T3U / T3L", x, y).setMarker(SeriesMarkers.NONE);
        dashed(chart.addSeries("sqrt(2)", x, root2));
        chart.getStyler().setXAxisLogarithmic(true);
        save(chart, dir.resolve("t3u-ratio.png"));
    }

    /** T3U, T3C and best over T3L on the positive and alternating hard instances (reports/t3-ratio.csv). */
    static void constructionRatios(Path dir) throws IOException {
        List<Map<String, String>> rows = Csv.read(dir.resolve("t3-ratio.csv"));
        XYChart chart = chart("3-layer constructions / T3L lower bound, hard instances", "N", "neurons / T3L");
        for (String family : List.of("positive", "alternating")) {
            for (String column : List.of("t3u", "t3c", "best")) {
                List<Double> x = new ArrayList<>(), y = new ArrayList<>();
                for (Map<String, String> r : rows) {
                    if (!r.get("family").equals(family)) continue;
                    x.add(Double.parseDouble(r.get("N")));
                    y.add(Double.parseDouble(r.get(column)) / Double.parseDouble(r.get("t3l_lower")));
                }
                if (!x.isEmpty()) chart.addSeries(column + " " + family, x, y).setMarker(SeriesMarkers.NONE);
            }
        }
        List<Double> x = new ArrayList<>(), target = new ArrayList<>();
        for (double n = 1; n <= 4096; n *= 2) {
            x.add(n);
            target.add(1.03);
        }
        dashed(chart.addSeries("1.03", x, target));
        chart.getStyler().setXAxisLogarithmic(true);
        save(chart, dir.resolve("t3-ratio.png"));
    }

    /** Worst case of MB over all 1-D patterns, one line per N, with 3N. */
    static void worstCase(Path dir) throws IOException {
        List<Map<String, String>> rows = Csv.read(dir.resolve("mb-worst-case.csv"));
        XYChart chart = chart("Worst case of MB over 1-D patterns (2-layer neurons forced)", "K (samples)", "worst MB");
        Map<String, List<double[]>> byN = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            byN.computeIfAbsent(r.get("N"), n -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(r.get("K")), Double.parseDouble(r.get("worst_MB"))});
        }
        for (Map.Entry<String, List<double[]>> e : byN.entrySet()) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (double[] p : e.getValue()) {
                x.add(p[0]);
                y.add(p[1]);
            }
            chart.addSeries("N = " + e.getKey() + " (3N = " + 3 * Integer.parseInt(e.getKey()) + ")", x, y);
        }
        save(chart, dir.resolve("mb-worst-case.png"));
    }

    /** Largest error over R of the double constructions against gap/magnitude, one line per magnitude. */
    static void frontier(Path dir) throws IOException {
        List<Map<String, String>> rows = Csv.read(dir.resolve("double-frontier.csv"));
        XYChart chart = chart("double constructions: error / R against gap / magnitude", "log10(gap / magnitude)", "log10(max error / R), exact drawn at -30");
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            // A construction that failed outright (division by zero after rounding) has no error to draw.
            if (r.get("max_error_over_R").isEmpty()) continue;
            double err = Double.parseDouble(r.get("max_error_over_R"));
            double logErr = err > 0 ? Math.log10(err) : -30; // exact (error 0) drawn at the floor
            series.computeIfAbsent(r.get("construction") + ", magnitude 1e" + r.get("magnitude_log10"), k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(r.get("gap_over_magnitude_log10")), Math.max(logErr, -30)});
        }
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (double[] p : e.getValue()) {
                x.add(p[0]);
                y.add(p[1]);
            }
            chart.addSeries(e.getKey(), x, y).setMarker(SeriesMarkers.NONE);
        }
        List<Double> x = List.of(-16.0, 0.0), y = List.of(-6.0, -6.0);
        dashed(chart.addSeries("ok threshold 1e-6", x, y));
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        save(chart, dir.resolve("double-frontier.png"));
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW).setMarkerSize(5);
        return chart;
    }

    private static void dashed(XYSeries s) {
        s.setMarker(SeriesMarkers.NONE).setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }

    private static void save(XYChart chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        System.out.println("wrote " + file);
    }

    /** A minimal reader for the project's own CSV files (no quoting: the files contain none). */
    static final class Csv {
        static List<Map<String, String>> read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file);
            String[] header = lines.get(0).split(",");
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) row.put(header[i], i < cells.length ? cells[i] : "");
                rows.add(row);
            }
            return rows;
        }
    }
}
