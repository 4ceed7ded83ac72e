package uk.socialprescribing.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import uk.socialprescribing.web.api.Caseload;
import uk.socialprescribing.web.api.Directory;
import uk.socialprescribing.web.api.Outcomes;
import uk.socialprescribing.web.api.Referrals;
import uk.socialprescribing.web.pages.Labels;

/**
 * The web app is built on the public API only, and must notice when the API drops what it uses: every operation of its
 * clients (verb and path), every query parameter they send, every field of the records they read and send, and every
 * code the pages offer must be in the gateway's one document (/q/openapi). Each gap is listed by name.
 */
@ExtendWith(PlatformUp.class)
@Order(3)
class WebApiContractTest {

    private final JsonNode document = ApiDocument.get();
    private final List<String> missing = new ArrayList<>();

    @Test
    void everyOperationParameterFieldAndCodeTheWebAppUsesIsInTheGatewaysDocument() {
        for (Class<?> client : List.of(Caseload.class, Referrals.class, Directory.class, Outcomes.class)) {
            Path root = client.getAnnotation(Path.class);
            String base = root == null ? "" : root.value();
            for (Method method : client.getDeclaredMethods()) {
                if (!Modifier.isStatic(method.getModifiers()) && !method.isDefault()) {
                    operation(base, method);
                }
            }
        }
        codes("the caseload's flags", Labels.FLAGS.keySet(), schema("Case").at("/properties/flags/items"));
        codes("session kinds", Labels.SESSION_KINDS.keySet(), schema("NewSession").at("/properties/kind"));
        codes("session modes", Labels.SESSION_MODES.keySet(), schema("NewSession").at("/properties/mode"));
        codes("session outcomes", Labels.SESSION_OUTCOMES.keySet(), schema("SessionRecord").at("/properties/outcome"));
        codes("decline reasons", Labels.DECLINE_REASONS.keySet(), schema("Decline").at("/properties/reason"));
        codes("closure reasons", Labels.CLOSURE_REASONS.keySet(), schema("Close").at("/properties/reason"));
        codes("connection reasons", Labels.CONNECTION_REASONS.keySet(), schema("ConnectionMove").at("/properties/reason"));
        codes("connection statuses", Labels.CONNECTION_STATUSES.keySet(), schema("ConnectionMove").at("/properties/status"));
        codes("goal progress", Labels.GOAL_PROGRESS.keySet(), schema("GoalDraft").at("/properties/progress"));
        codes("action owners", Labels.ACTION_OWNERS.keySet(), schema("ActionDraft").at("/properties/owner"));
        codes("referral statuses", Labels.REFERRAL_STATUSES.keySet(), schema("Referral").at("/properties/status"));
        codes("timepoints", Labels.TIMEPOINTS.keySet(), schema("MeasurementRequest").at("/properties/timepoint"));
        codes("questionnaires", Labels.INSTRUMENTS.keySet(), schema("MeasurementRequest").at("/properties/instrument"));
        matching("working days", Labels.WORKING_DAYS.keySet(), schema("LinkWorkerDetails").at("/properties/workingDays/items"));
        assertEquals(List.of(), missing, "The gateway's document no longer has what the web app uses");
    }

    private void operation(String base, Method method) {
        String verb = method.isAnnotationPresent(GET.class) ? "get" : method.isAnnotationPresent(POST.class) ? "post"
                : method.isAnnotationPresent(PUT.class) ? "put" : method.isAnnotationPresent(DELETE.class) ? "delete" : null;
        Path sub = method.getAnnotation(Path.class);
        String path = base + (sub == null ? "" : sub.value());
        String name = verb + " " + path;
        JsonNode operation = document.path("paths").path(path).path(verb);
        if (operation.isMissingNode()) {
            missing.add("operation " + name);
            return;
        }
        Set<String> parameters = new TreeSet<>();
        operation.path("parameters").forEach(p -> parameters.add(p.path("in").asText() + ":" + p.path("name").asText()));
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            PathParam inPath = parameter.getAnnotation(PathParam.class);
            HeaderParam header = parameter.getAnnotation(HeaderParam.class);
            if (query != null && !parameters.contains("query:" + query.value())) {
                missing.add("query parameter " + query.value() + " of " + name);
            } else if (inPath != null && !parameters.contains("path:" + inPath.value())) {
                missing.add("path parameter " + inPath.value() + " of " + name);
            } else if (query == null && inPath == null && header == null) {
                fields(name + " body", parameter.getParameterizedType(),
                        operation.at("/requestBody/content/application~1json/schema"));
            }
        }
        JsonNode answer = null;
        for (String status : List.of("200", "201")) {
            JsonNode content = operation.at("/responses/" + status + "/content/application~1json/schema");
            if (!content.isMissingNode()) {
                answer = content;
                break;
            }
        }
        if (method.getReturnType() != void.class) {
            if (answer == null) {
                missing.add("a JSON answer of " + name);
            } else {
                fields(name, method.getGenericReturnType(), answer);
            }
        }
    }

    /** Each field of the record(s) {@code type} holds, in {@code schema}, as far down as the app reads. */
    private void fields(String where, Type type, JsonNode schema) {
        JsonNode s = resolve(schema);
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (raw.getSimpleName().equals("RestResponse")) {
                fields(where, arguments[0], s);
            } else if (Collection.class.isAssignableFrom(raw)) {
                fields(where + "[]", arguments[0], s.path("items"));
            } else if (Map.class.isAssignableFrom(raw)) {
                fields(where + "{}", arguments[1], s.path("additionalProperties"));
            } else if (raw.isRecord()) {
                record(where, raw, s, arguments);
            }
        } else if (type instanceof Class<?> c && c.isRecord()) {
            record(where, c, s, new Type[0]);
        }
    }

    private void record(String where, Class<?> record, JsonNode schema, Type[] typeArguments) {
        if (schema.isMissingNode()) {
            missing.add("the schema of " + where);
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            JsonProperty named = component.getAccessor().getAnnotation(JsonProperty.class);
            String name = named == null ? component.getName() : named.value();
            JsonNode property = schema.path("properties").path(name);
            if (property.isMissingNode()) {
                missing.add("field " + name + " of " + where);
                continue;
            }
            Type type = component.getGenericType();
            // Page<T>'s contents: T as the method's signature gives it
            if (typeArguments.length == 1 && type instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof java.lang.reflect.TypeVariable<?>) {
                type = new Wrapped(list.getRawType(), typeArguments[0]);
            }
            fields(where + "." + component.getName(), type, property);
        }
    }

    private void codes(String what, Set<String> offered, JsonNode schema) {
        JsonNode values = resolve(schema).path("enum");
        Set<String> known = new TreeSet<>();
        values.forEach(v -> known.add(v.asText()));
        if (known.isEmpty()) {
            missing.add("the list of " + what);
            return;
        }
        offered.stream().filter(code -> !known.contains(code)).forEach(code -> missing.add(what + ": " + code));
    }

    /** Codes the API checks by a pattern rather than a list: each offered code must match it. */
    private void matching(String what, Set<String> offered, JsonNode schema) {
        String pattern = resolve(schema).path("pattern").asText(null);
        if (pattern == null) {
            missing.add("the pattern of " + what);
            return;
        }
        offered.stream().filter(code -> !code.matches(pattern)).forEach(code -> missing.add(what + ": " + code));
    }

    private JsonNode schema(String name) {
        return document.path("components").path("schemas").path(name);
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int depth = 0; depth < 10; depth++) {
            if (s.has("$ref")) {
                s = document.at(s.get("$ref").asText().substring(1));
            } else if (s.has("allOf") && s.get("allOf").size() == 1) {
                s = s.get("allOf").get(0);
            } else {
                break;
            }
        }
        return s;
    }

    /** A generic type with its argument filled in (List<T> of a Page<Case> as List<Case>). */
    private record Wrapped(Type getRawType, Type argument) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return new Type[] { argument };
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    }
}
