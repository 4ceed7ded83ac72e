package uk.socialprescribing.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PathOdditiesTest {

    @Test
    void dotAndEmptySegmentsOfTheApiNameNothing() {
        assertEquals("a path segment is \"..\"", PathOddities.of("/api/caseload/cases/5/connections/.."));
        assertEquals("a path segment is \"%2E\"", PathOddities.of("/api/caseload/cases/%2E/plan"));
        assertEquals("it ends with a slash", PathOddities.of("/api/caseload/cases/"));
        assertEquals("it has an empty segment", PathOddities.of("/fhir//ServiceRequest"));
    }

    @Test
    void ordinaryPathsAndPagesOutsideTheApiAreLeftAlone() {
        assertNull(PathOddities.of("/api/caseload/cases/5/connections/7"));
        assertNull(PathOddities.of("/oruk/"));
        assertNull(PathOddities.of("/oruk/services"));
        assertNull(PathOddities.of("/q/swagger-ui/"));
        assertNull(PathOddities.of("/api/directory/search"));
    }
}
