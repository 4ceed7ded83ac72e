package uk.socialprescribing.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docs/authorization-matrix.md read as data: the table under its heading "## The matrix" has a row per operation
 * ({@code `GET /api/referrals/{id}`})
 * and a column per {@link Principal}, each cell the status that principal must get. Columns after the principals'
 * (notes) are not read.
 */
record AuthorizationMatrix(Map<String, Map<Principal, Integer>> rows) {

    static final String HEADING = "## The matrix";

    static AuthorizationMatrix read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int start = lines.indexOf(HEADING);
        if (start < 0) {
            throw new IllegalStateException(file + " has no section '" + HEADING + "'");
        }
        List<String> table = lines.subList(start, lines.size()).stream().filter(line -> line.startsWith("|")).toList();
        if (table.size() < 3) {
            throw new IllegalStateException(file + " holds no table");
        }
        List<String> heading = cells(table.get(0));
        List<Principal> columns = new ArrayList<>();
        for (Principal principal : Principal.values()) {
            int at = heading.indexOf(principal.column);
            if (at != principal.ordinal() + 1) {
                throw new IllegalStateException(file + ": column " + (principal.ordinal() + 2) + " must be '" + principal.column
                        + "', the heading is " + heading);
            }
            columns.add(principal);
        }
        Map<String, Map<Principal, Integer>> rows = new LinkedHashMap<>();
        for (String line : table.subList(2, table.size())) {
            List<String> cells = cells(line);
            String operation = cells.get(0).replace("`", "").strip();
            Map<Principal, Integer> expected = new EnumMap<>(Principal.class);
            for (Principal principal : columns) {
                String cell = cells.get(principal.ordinal() + 1).strip();
                if (!cell.matches("[1-5]\\d\\d")) {
                    throw new IllegalStateException(file + ": " + operation + " as " + principal.column + " is '" + cell + "', not a status");
                }
                expected.put(principal, Integer.parseInt(cell));
            }
            if (rows.put(operation, expected) != null) {
                throw new IllegalStateException(file + ": two rows for " + operation);
            }
        }
        return new AuthorizationMatrix(rows);
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    /** The table as the file holds it, from observed answers (to write a first draft, or to show what changed). */
    static String render(Map<String, Map<Principal, Integer>> rows) {
        StringBuilder out = new StringBuilder("| Operation |");
        for (Principal principal : Principal.values()) {
            out.append(' ').append(principal.column).append(" |");
        }
        out.append("\n|---|").append("---|".repeat(Principal.values().length)).append('\n');
        rows.forEach((operation, answers) -> {
            out.append("| `").append(operation).append("` |");
            for (Principal principal : Principal.values()) {
                out.append(' ').append(answers.get(principal)).append(" |");
            }
            out.append('\n');
        });
        return out.toString();
    }
}
