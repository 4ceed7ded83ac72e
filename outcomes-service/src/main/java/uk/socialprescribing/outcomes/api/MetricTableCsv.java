package uk.socialprescribing.outcomes.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import uk.socialprescribing.outcomes.metrics.MetricTable;

/**
 * A metric as CSV (Apache Commons CSV): the breakdown's columns, then each figure; the whole area last, its key
 * columns "all"; a suppressed cell is "*", and the last column names what was suppressed in that row and why.
 */
@Provider
@Produces("text/csv")
public class MetricTableCsv implements MessageBodyWriter<MetricTable> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return MetricTable.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(MetricTable table, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Disposition", "attachment; filename=\"" + table.metric() + "-" + table.period().label().replace('/', '_') + ".csv\"");
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        List<String> header = new ArrayList<>(table.breakdown());
        table.columns().forEach(c -> header.add(c.name()));
        header.add("suppressed");
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(writer);
        List<MetricTable.Row> rows = new ArrayList<>(table.rows());
        if (table.total() != null) {
            rows.add(table.total());
        }
        for (MetricTable.Row row : rows) {
            List<Object> record = new ArrayList<>();
            table.breakdown().forEach(k -> record.add(row.key().get(k)));
            String label = table.total() == row ? "total" : label(row);
            List<MetricTable.SuppressedCell> cells = table.suppressed().stream().filter(s -> s.row().equals(label)).toList();
            for (MetricTable.Column column : table.columns()) {
                Number value = row.values().get(column.name());
                boolean hidden = cells.stream().anyMatch(s -> s.column().equals(column.name()));
                record.add(hidden ? "*" : value == null ? "" : value);
            }
            record.add(cells.stream().map(s -> s.column() + ": " + s.reason()).collect(Collectors.joining("; ")));
            csv.printRecord(record);
        }
        csv.flush();
    }

    private static String label(MetricTable.Row row) {
        return row.key().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
