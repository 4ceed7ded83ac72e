package uk.socialprescribing.e2e;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.socialprescribing.e2e.AuthorizationMatrixTest.Call;

/**
 * Bad requests for one operation, made from a good one (the authorization matrix's call, which the principal may make)
 * and the operation's definition in the API document: wrong types, missing, null and extra fields, out-of-range
 * numbers, huge strings and bodies, malformed JSON, wrong content types, bad ids in the path, bad query parameters and
 * headers. What the document gives is tried first, then seeded random variations of it, up to {@link #perOperation()}
 * per operation: {@value #FULL} in the full run, at least {@value #BOUNDED} in {@code ./mvnw verify}.
 *
 * <p>Each is marked whether it must be refused (a 4xx: it breaks the API's contract) or may be accepted (an unknown
 * query parameter, a field left out that is optional, a string that is odd but allowed). Either way it must never be a
 * 5xx, and every refusal must be a problem (RFC 9457), or an OperationOutcome on the FHIR routes.
 */
final class BadRequests {

    /** The full run's count per operation ({@code -Dfuzz.perOperation=200}). */
    static final int FULL = 200;
    /** The bounded run's, in {@code ./mvnw verify}: every request made from the document, and random ones up to this. */
    static final int BOUNDED = 40;

    /** How many bad requests each operation gets at least. */
    static int perOperation() {
        return Integer.getInteger("fuzz.perOperation", BOUNDED);
    }

    /** One bad request: what was done to the good one, and whether a 4xx is the only right answer. */
    record Mutant(String what, Call call, boolean mustRefuse) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE = "x".repeat(100_000);

    /** Values no id, number or code in this API accepts. */
    static final List<String> BAD_IDS = List.of("not-an-id", "0", "-1", "99999999999999999999999", "1e400", "null", "undefined",
            "%00", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "'%20OR%201=1%20--", "%F0%9F%98%80", "a".repeat(3000), "%7Bid%7D",
            "00000000-0000-0000-0000-000000000000", "6f1d2c3b-4a59-4d68-8e7f-9a0b1c2d3e0", "6f1d2c3b4a594d688e7f9a0b1c2d3e04x", "%20", "..");

    /** Values a typed query parameter cannot take. */
    static final List<String> BAD_QUERY_VALUES = List.of("abc", "1.5", "-1", "0", "99999999999999999999", "1e400", "NaN", "true", "",
            "%00", "2026-13-45", "'; drop table referral; --", "x".repeat(5000), "[]", "{}", "%F0%9F%98%80");

    /** Bodies that are not JSON, or not the JSON any operation takes. */
    static final List<String> MALFORMED = List.of("{", "}", "[", "{\"a\":", "{\"a\" 1}", "{'a': 1}", "{\"a\": 1,}", "nul", "tru",
            "{\"a\": NaN}", "{\"a\": 01}", "\u0000", "\uFEFF", "\uFEFF[", "[]", "[1, 2, 3]", "null", "12", "\"a string\"", "true",
            "{} trailing", "{\"a\": \"\\uD800\"}", "{\"a\": 1e99999}", "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":".repeat(2000) + "1" + "}".repeat(2000), "<xml/>", "a=1&b=2", "/* comment */ {}");

    private BadRequests() {
    }

    /** At least {@code atLeast} bad requests for the operation ("POST /api/referrals"), from the good call. */
    static List<Mutant> of(String operation, Call good, JsonNode definition, long seed, int atLeast) {
        List<Mutant> mutants = new ArrayList<>();
        String template = operation.substring(operation.indexOf(' ') + 1);
        pathIds(template, good, mutants);
        queryParameters(definition, good, mutants);
        headers(good, mutants);
        if (good.body() != null) {
            bodies(good, mutants);
        } else if (!good.method().equals("GET") && !good.method().equals("DELETE")) {
            // an operation that takes no body, given one
            mutants.add(new Mutant("a JSON body where none is taken", good.copy().body("application/json", "{\"unexpected\": true}"), false));
        }
        Random random = new Random(seed);
        for (int i = 0; mutants.size() < atLeast; i++) {
            mutants.add(random(template, definition, good, random, i));
        }
        return mutants;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void pathIds(String template, Call good, List<Mutant> mutants) {
        String[] parts = template.split("/");
        String[] concrete = good.path().split("/");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].startsWith("{") || i >= concrete.length) {
                continue;
            }
            for (String bad : BAD_IDS) {
                String[] changed = concrete.clone();
                changed[i] = bad;
                mutants.add(new Mutant(parts[i] + " = " + abbreviate(bad), good.copy().path(String.join("/", changed)), true));
            }
        }
        // a path that only starts like this one
        mutants.add(new Mutant("trailing path", good.copy().path(good.path() + "/nothing-here"), true));
        mutants.add(new Mutant("path with a double slash", good.copy().path(good.path().replaceFirst("/", "//")), false));
    }

    private static void queryParameters(JsonNode definition, Call good, List<Mutant> mutants) {
        for (JsonNode parameter : definition.path("parameters")) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            String type = schema.path("type").asText("string");
            boolean typed = !type.equals("string") || schema.has("enum") || schema.has("format") || schema.has("pattern");
            for (String bad : BAD_QUERY_VALUES) {
                boolean refused = typed && !fits(schema, bad);
                mutants.add(new Mutant("query " + name + " = " + abbreviate(bad), good.copy().query(name, bad), refused));
            }
        }
        mutants.add(new Mutant("an unknown query parameter", good.copy().query("unknownParameter", "1"), false));
    }

    /** Whether a text fits a parameter's schema, as far as these values go (so that an allowed value is not marked bad). */
    private static boolean fits(JsonNode schema, String value) {
        String type = schema.path("type").asText("string");
        if (schema.has("enum")) {
            for (JsonNode allowed : schema.get("enum")) {
                if (allowed.asText().equals(value)) {
                    return true;
                }
            }
            return false;
        }
        try {
            switch (type) {
                case "integer" -> {
                    long n = Long.parseLong(value);
                    return (!schema.has("minimum") || n >= schema.get("minimum").asLong()) && (!schema.has("maximum") || n <= schema.get("maximum").asLong());
                }
                case "number" -> {
                    double n = Double.parseDouble(value);
                    return Double.isFinite(n);
                }
                case "boolean" -> {
                    return value.equals("true") || value.equals("false");
                }
                default -> {
                    if ("uuid".equals(schema.path("format").asText())) {
                        java.util.UUID.fromString(value);
                        return value.length() == 36;
                    }
                    if ("date".equals(schema.path("format").asText())) {
                        java.time.LocalDate.parse(value);
                        return true;
                    }
                    if (schema.has("pattern")) {
                        return java.util.regex.Pattern.compile(schema.get("pattern").asText()).matcher(value).find();
                    }
                    return true;
                }
            }
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void headers(Call good, List<Mutant> mutants) {
        mutants.add(new Mutant("Authorization: Bearer garbage", good.copy().header("Authorization", "Bearer garbage"), true));
        mutants.add(new Mutant("Authorization: Basic", good.copy().header("Authorization", "Basic YWRtaW46YWRtaW4="), true));
        mutants.add(new Mutant("Accept: application/xml", good.copy().header("Accept", "application/xml"), false));
        mutants.add(new Mutant("Accept: nonsense", good.copy().header("Accept", "nonsense"), false));
        mutants.add(new Mutant("X-Request-Id: spaces and braces", good.copy().header("X-Request-Id", "x y {z}"), false));
        mutants.add(new Mutant("Idempotency-Key: 1000 characters", good.copy().header("Idempotency-Key", "k".repeat(1000)), false));
        if (good.headers().containsKey("If-Match")) {
            for (String bad : List.of("garbage", "\"-1\"", "W/\"1\"", "\"\"", "*", "\"99999999999999999999\"", "\"abc\"")) {
                mutants.add(new Mutant("If-Match: " + bad, good.copy().header("If-Match", bad), !bad.equals("*")));
            }
            mutants.add(new Mutant("no If-Match", good.copy().withoutHeader("If-Match"), true));
        }
    }

    private static void bodies(Call good, List<Mutant> mutants) {
        boolean json = good.contentType().contains("json");
        for (String bad : MALFORMED) {
            mutants.add(new Mutant("body " + abbreviate(bad), good.copy().body(good.contentType(), bad), true));
        }
        mutants.add(new Mutant("an empty body", good.copy().body(good.contentType(), ""), true));
        // RFC 8259 8.1: a parser may ignore a byte order mark, so the good body after one may be taken
        mutants.add(new Mutant("the body after a byte order mark", good.copy().body(good.contentType(), "\uFEFF" + good.body()), false));
        mutants.add(new Mutant("a 1 MB string body", good.copy().body(good.contentType(), "\"" + "x".repeat(1_000_000) + "\""), true));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/octet-stream", "application/json; charset=bogus")) {
            mutants.add(new Mutant("Content-Type: " + type, good.copy().body(type, good.body()), true));
        }
        if (!json) {
            return;
        }
        JsonNode body = ApiDocument.read(good.body());
        if (!body.isObject()) {
            return;
        }
        mutants.add(new Mutant("an extra field", good.copy().body(good.contentType(), with((ObjectNode) body, "", "unexpectedField", NODES.numberNode(1))), true));
        for (String pointer : fields(body, "")) {
            JsonNode value = body.at(pointer);
            String field = pointer.substring(1).replace('/', '.');
            mutants.add(new Mutant(field + " left out", good.copy().body(good.contentType(), without(body, pointer)), false));
            mutants.add(new Mutant(field + " null", good.copy().body(good.contentType(), replaced(body, pointer, NODES.nullNode())), false));
            for (JsonNode wrong : wrongTypes(value)) {
                mutants.add(new Mutant(field + " = " + abbreviate(wrong.toString()), good.copy().body(good.contentType(), replaced(body, pointer, wrong)),
                        true));
            }
            if (value.isTextual()) {
                mutants.add(new Mutant(field + " 100,000 characters", good.copy().body(good.contentType(), replaced(body, pointer, NODES.textNode(HUGE))),
                        true));
                for (String odd : List.of("", " ", "\u0000", "\t\n", "😀", "<script>alert(1)</script>", "' OR 1=1 --")) {
                    mutants.add(new Mutant(field + " = " + abbreviate(odd), good.copy().body(good.contentType(), replaced(body, pointer, NODES.textNode(odd))),
                            false));
                }
            }
            if (value.isNumber()) {
                for (JsonNode n : List.of(NODES.numberNode(-1), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new java.math.BigInteger("99999999999999999999999")),
                        NODES.numberNode(1e308), NODES.numberNode(0.5), NODES.numberNode(0))) {
                    mutants.add(new Mutant(field + " = " + n, good.copy().body(good.contentType(), replaced(body, pointer, n)), false));
                }
            }
            if (value.isArray()) {
                mutants.add(new Mutant(field + " empty", good.copy().body(good.contentType(), replaced(body, pointer, NODES.arrayNode())), false));
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 10_000; i++) {
                    many.add(value.size() > 0 ? value.get(0) : NODES.textNode("x"));
                }
                mutants.add(new Mutant(field + " with 10,000 items", good.copy().body(good.contentType(), replaced(body, pointer, many)), true));
                mutants.add(new Mutant(field + " holding a null", good.copy().body(good.contentType(), replaced(body, pointer, NODES.arrayNode().addNull())), true));
            }
        }
    }

    /** Another type than the value's: each of these breaks a field that holds the value's type. */
    private static List<JsonNode> wrongTypes(JsonNode value) {
        List<JsonNode> wrong = new ArrayList<>();
        if (value.isNull()) {
            return wrong; // an example's null says nothing of the field's type (a listing's "maximumAge": null is a number's)
        }
        if (!value.isTextual()) {
            wrong.add(NODES.textNode("not-a-" + value.getNodeType().name().toLowerCase()));
        }
        if (!value.isNumber() && !value.isTextual()) {
            wrong.add(NODES.numberNode(42));
        }
        if (value.isTextual() || value.isNumber() || value.isBoolean()) {
            wrong.add(NODES.objectNode().put("nested", 1));
            wrong.add(NODES.arrayNode().add(1).add(2));
        }
        if (value.isObject()) {
            wrong.add(NODES.arrayNode());
        }
        if (value.isArray()) {
            wrong.add(NODES.objectNode());
        }
        return wrong;
    }

    /** JSON pointers of every field, nested objects' and the first array item's included. */
    private static List<String> fields(JsonNode node, String at) {
        List<String> pointers = new ArrayList<>();
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> field = it.next();
                String pointer = at + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                pointers.add(pointer);
                pointers.addAll(fields(field.getValue(), pointer));
            }
        } else if (node.isArray() && node.size() > 0) {
            pointers.addAll(fields(node.get(0), at + "/0"));
        }
        return pointers;
    }

    private static String replaced(JsonNode body, String pointer, JsonNode value) {
        JsonNode copy = body.deepCopy();
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        JsonNode container = parent.isEmpty() ? copy : copy.at(parent);
        if (container instanceof ObjectNode object) {
            object.set(last, value);
        } else if (container instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
        return copy.toString();
    }

    private static String without(JsonNode body, String pointer) {
        JsonNode copy = body.deepCopy();
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        JsonNode container = parent.isEmpty() ? copy : copy.at(parent);
        if (container instanceof ObjectNode object) {
            object.remove(last);
        } else if (container instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        }
        return copy.toString();
    }

    private static String with(ObjectNode body, String at, String name, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        ((ObjectNode) (at.isEmpty() ? copy : copy.at(at))).set(name, value);
        return copy.toString();
    }

    /** A seeded random variation: a random field (or parameter) given a random bad value. */
    private static Mutant random(String template, JsonNode definition, Call good, Random random, int i) {
        List<JsonNode> values = List.of(NODES.textNode(randomText(random)), NODES.numberNode(random.nextLong()), NODES.numberNode(random.nextDouble() * 1e12),
                NODES.booleanNode(random.nextBoolean()), NODES.nullNode(), NODES.arrayNode().add(randomText(random)), NODES.objectNode().put(randomText(random), 1));
        int kind = random.nextInt(3);
        if (kind == 0 && good.body() != null && good.contentType().contains("json") && ApiDocument.read(good.body()).isObject()) {
            JsonNode body = ApiDocument.read(good.body());
            List<String> fields = fields(body, "");
            if (!fields.isEmpty()) {
                String pointer = fields.get(random.nextInt(fields.size()));
                JsonNode value = values.get(random.nextInt(values.size()));
                return new Mutant("random #" + i + ": " + pointer + " = " + abbreviate(value.toString()),
                        good.copy().body(good.contentType(), replaced(body, pointer, value)), false);
            }
        }
        if (kind == 1 && template.contains("{")) {
            String[] parts = template.split("/");
            String[] concrete = good.path().split("/");
            List<Integer> ids = new ArrayList<>();
            for (int p = 0; p < parts.length && p < concrete.length; p++) {
                if (parts[p].startsWith("{")) {
                    ids.add(p);
                }
            }
            int at = ids.get(random.nextInt(ids.size()));
            concrete[at] = java.net.URLEncoder.encode(randomText(random), java.nio.charset.StandardCharsets.UTF_8);
            return new Mutant("random #" + i + ": " + parts[at] + " = " + abbreviate(concrete[at]), good.copy().path(String.join("/", concrete)), true);
        }
        return new Mutant("random #" + i + ": query", good.copy().query("q" + random.nextInt(5), randomText(random)), false);
    }

    private static String randomText(Random random) {
        int length = random.nextInt(8) == 0 ? 2000 + random.nextInt(5000) : random.nextInt(40);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            text.appendCodePoint(pick < 6 ? 'a' + random.nextInt(26) : pick < 8 ? 0x20 + random.nextInt(0x5f) : pick < 9 ? 0xa0 + random.nextInt(0x2000)
                    : 0x1F600 + random.nextInt(0x40));
        }
        return text.toString();
    }

    private static JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            return ApiDocument.get().at(schema.get("$ref").asText().substring(1));
        }
        if (schema.has("allOf") && schema.get("allOf").size() > 0) {
            return resolve(schema.get("allOf").get(0));
        }
        return schema;
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 40 ? flat.substring(0, 40) + "…(" + flat.length() + ")" : flat;
    }

    /** The number of each kind made, for the report. */
    static Map<Boolean, Integer> counts(List<Mutant> mutants) {
        Map<Boolean, Integer> counts = new LinkedHashMap<>();
        mutants.forEach(m -> counts.merge(m.mustRefuse(), 1, Integer::sum));
        return counts;
    }
}
