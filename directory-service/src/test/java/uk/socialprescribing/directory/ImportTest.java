package uk.socialprescribing.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import uk.socialprescribing.testing.TestTokens;

/** CSV import: checked whole before anything is written, bad rows named by line, re-imports update rather than duplicate. */
@QuarkusTest
class ImportTest {

    static final String ADMIN = TestTokens.admin();
    static final String HEADER = "organisation,name,description,category,venue,town,postcode,schedule,cost,capacity_maximum,capacity_available\n";

    @Inject
    EntityManager entityManager;

    final String organisation = "Imported Trust " + UUID.randomUUID();

    String row(String name, String schedule, String cost, String available) {
        return "%s,%s,\"A friendly group, all welcome.\",walking,Ripon Library,Ripon,HG4 1QP,%s,%s,12,%s\n"
                .formatted(organisation, name, schedule, cost, available);
    }

    ValidatableResponse importing(String token, String csv) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv).when().post("/api/directory/import").then();
    }

    long listingsOf(String organisationName) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from service s join organization o on o.id = s.organization_id where o.name = :name")
                .setParameter("name", organisationName).getSingleResult()).longValue());
    }

    @Test
    void aReImportUpdatesWhatChangedAndDuplicatesNothing() {
        String csv = HEADER + row("Ripon Rambles", "Mondays 10:00-11:30", "Free", "4") + row("Ripon Strollers", "Thursdays 14:00-15:00", "£2 a session", "9");
        importing(ADMIN, csv).statusCode(200).body("created", equalTo(2)).body("updated", equalTo(0)).body("unchanged", equalTo(0));
        importing(ADMIN, csv).statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
        String changed = HEADER + row("Ripon Rambles", "Mondays 10:00-12:00", "Free", "2") + row("Ripon Strollers", "Thursdays 14:00-15:00", "£2 a session", "9");
        importing(ADMIN, changed).statusCode(200).body("created", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(1));
        assertEquals(2, listingsOf(organisation));

        String id = given().auth().oauth2(ADMIN).queryParam("per_page", 200).queryParam("search", "Ripon Rambles").when().get("/oruk/services")
                .then().statusCode(200).body("contents", hasSize(1)).extract().path("contents[0].id");
        given().when().get("/oruk/services/{id}", id).then().body("schedules[0].closes_at", equalTo("12:00:00"))
                .body("service_capacity.available", equalTo(2));
        given().auth().oauth2(ADMIN).when().get("/api/directory/services/{id}/changes", id).then().statusCode(200)
                .body("contents.action", equalTo(List.of("updated", "created")))
                .body("contents[0].changes.schedule.after", equalTo("Mondays 10:00-12:00")).body("contents[0].changedBy", equalTo("sam.admin"));
    }

    @Test
    void oneBadRowFailsTheWholeImportAndEachProblemIsNamedByItsLine() {
        String csv = HEADER
                + row("Good One", "Mondays 10:00-11:30", "Free", "4")
                + organisation + ",Bad Postcode,desc,walking,Hall,Ripon,NOT A POSTCODE,,,,\n"
                + organisation + ",Bad Term,desc,astrology,Hall,Ripon,HG4 1QP,,,,\n"
                + organisation + ",Too Many,desc,walking,Hall,Ripon,HG4 1QP,,,5,7\n"
                + organisation + ",Short Row,desc\n"
                + row("Good One", "Mondays 10:00-11:30", "Free", "x");
        importing(ADMIN, csv).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("line 3: postcode"))
                .body("errors.field", hasItem("line 4: category"))
                .body("errors.field", hasItem("line 5: capacity_available"))
                .body("errors.field", hasItem("line 6"))
                .body("errors.field", hasItem("line 7: capacity_available"))
                .body("errors.field", hasItem("line 7: name"));
        assertEquals(0, listingsOf(organisation));

        importing(ADMIN, "organisation,name,colour\nx,y,z\n").statusCode(400).body("errors.field", hasItem("line 1: colour"))
                .body("errors.field", hasItem("line 1: postcode"));
        importing(ADMIN, "").statusCode(400).body("errors[0].field", equalTo("file"));
        importing(PartnerTest.partner(UUID.randomUUID().toString()), HEADER + row("x", "", "", "")).statusCode(403);
    }

    @Test
    void languagesAccessAndAContactComeInTheirOwnColumns() {
        String header = "organisation,name,description,category,venue,town,postcode,languages,accessibility,contact_name,contact_email,contact_phone\n";
        String good = organisation + ",Polish Walk,A walk.,walking,Hall,Ripon,HG4 1QP,en;pl,step-free-access;parking,Ewa Nowak,ewa@example.org,01632 960222\n";
        importing(ADMIN, header + good).statusCode(200).body("created", equalTo(1));
        importing(ADMIN, header + good).statusCode(200).body("unchanged", equalTo(1));
        String id = given().auth().oauth2(ADMIN).queryParam("q", "Polish Walk").queryParam("language", "pl").when().get("/api/directory/search")
                .then().statusCode(200).extract().path("results.contents.find { it.organisation == '" + organisation + "' }.id");
        given().auth().oauth2(ADMIN).when().get("/api/directory/services/{id}", id).then().statusCode(200)
                .body("languages", equalTo(List.of("en", "pl"))).body("accessibility", equalTo(List.of("step-free-access", "parking")))
                .body("contact.name", equalTo("Ewa Nowak"));
        importing(ADMIN, header + organisation + ",Bad Codes,A walk.,walking,Hall,Ripon,HG4 1QP,en;xx,lift,,nobody,call me\n").statusCode(400)
                .body("errors.field", hasItem("line 2: languages")).body("errors.field", hasItem("line 2: accessibility"))
                .body("errors.field", hasItem("line 2: contact_email")).body("errors.field", hasItem("line 2: contact_phone"));
    }
}
